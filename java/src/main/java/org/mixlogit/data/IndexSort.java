package org.mixlogit.data;

import java.util.function.IntBinaryOperator;

/** A stable sort of int indices by a comparator on indices, without boxing (merge sort, insertion for short runs). */
final class IndexSort {
    private static final int INSERTION = 16;

    private IndexSort() {
    }

    /**
     * Sorts {@code index} so that {@code compare.applyAsInt(index[i], index[i + 1]) <= 0}; equal elements keep
     * their relative order.
     *
     * @param index <b>Modified</b>: the indices to sort
     * @param compare negative, zero or positive as its first index sorts before, with or after its second
     */
    static void sort(int[] index, IntBinaryOperator compare) {
        int[] scratch = index.clone();
        mergeSort(scratch, index, 0, index.length, compare);
    }

    /** Sorts {@code to[from..end)}, using {@code from..end} of {@code scratch} (same content on entry) as space. */
    private static void mergeSort(int[] scratch, int[] to, int from, int end, IntBinaryOperator compare) {
        if (end - from <= INSERTION) {
            for (int i = from + 1; i < end; i++) {
                int v = to[i];
                int j = i - 1;
                while (j >= from && compare.applyAsInt(to[j], v) > 0) {
                    to[j + 1] = to[j];
                    j--;
                }
                to[j + 1] = v;
            }
            return;
        }
        int mid = (from + end) >>> 1;
        // sort both halves into scratch, then merge them into to
        mergeSort(to, scratch, from, mid, compare);
        mergeSort(to, scratch, mid, end, compare);
        if (compare.applyAsInt(scratch[mid - 1], scratch[mid]) <= 0) {
            System.arraycopy(scratch, from, to, from, end - from);
            return;
        }
        int a = from;
        int b = mid;
        for (int i = from; i < end; i++) {
            if (b >= end || (a < mid && compare.applyAsInt(scratch[a], scratch[b]) <= 0)) {
                to[i] = scratch[a++];
            } else {
                to[i] = scratch[b++];
            }
        }
    }
}
