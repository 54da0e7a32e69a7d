package org.mixlogit.postestimation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of a post-estimation table: market, alternative and (for matrices) the other alternative, with the
 * index of each row's value in a dense computation array. Immutable.
 */
final class Keys {
    final int[] slot;
    final List<String> market;
    final List<String> alternative;
    final List<String> other;

    private Keys(int[] slot, List<String> market, List<String> alternative, List<String> other) {
        this.slot = slot;
        this.market = market;
        this.alternative = alternative;
        this.other = other;
    }

    int size() {
        return slot.length;
    }

    /** The dense values at this table's rows. */
    double[] select(double[] dense) {
        double[] out = new double[slot.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dense[slot[i]];
        }
        return out;
    }

    static final class Builder {
        private final List<Integer> slots = new ArrayList<>();
        private final List<String> market = new ArrayList<>();
        private final List<String> alternative = new ArrayList<>();
        private final List<String> other = new ArrayList<>();

        void add(int slot, String m, String j, String k) {
            slots.add(slot);
            market.add(m);
            alternative.add(j);
            other.add(k);
        }

        Keys build() {
            int[] s = new int[slots.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = slots.get(i);
            }
            return new Keys(s, Collections.unmodifiableList(new ArrayList<>(market)),
                    Collections.unmodifiableList(new ArrayList<>(alternative)),
                    Collections.unmodifiableList(new ArrayList<>(other)));
        }
    }
}
