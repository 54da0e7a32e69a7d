package org.mixlogit.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What identifies the data a model was estimated on: the numbers of rows, situations and decision-makers, the
 * columns used, and a SHA-256 checksum of their values in the canonical (grouped) order, so that it depends neither
 * on the order of the rows nor on the front end that read them. The checksum covers, per decision-maker in id
 * order, its id, its weight (1 when unweighted) and the named characteristics; per situation in id order, its id
 * and which of its rows is chosen; per row, the named attributes (columns in name order, doubles by their bits).
 * Immutable.
 */
public final class DataFingerprint {
    private static final int BATCH = 4096;
    private final long rows;
    private final long situations;
    private final long decisionMakers;
    private final List<String> attributes;
    private final List<String> characteristics;
    private final String sha256;

    /**
     * @param sha256 the checksum as 64 lower-case hexadecimal digits
     */
    public DataFingerprint(long rows, long situations, long decisionMakers, List<String> attributes,
            List<String> characteristics, String sha256) {
        this.rows = rows;
        this.situations = situations;
        this.decisionMakers = decisionMakers;
        this.attributes = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(attributes)));
        this.characteristics = Collections.unmodifiableList(new ArrayList<>(new TreeSet<>(characteristics)));
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
    }

    /** Where the checksum's input goes: a digest, or a part's bytes (same signature as both). */
    @FunctionalInterface
    private interface Sink {
        void update(byte[] bytes, int offset, int length);
    }

    /**
     * The fingerprint of {@code data} over the given attribute and characteristic columns (their order does not
     * matter; each must be a column of the data).
     */
    public static DataFingerprint of(ChoiceData data, Collection<String> attributes,
            Collection<String> characteristics) {
        MessageDigest digest = newDigest();
        feed(digest::update, data, attributes, characteristics);
        return new DataFingerprint(data.rowCount(), data.situationCount(), data.decisionMakerCount(),
                new ArrayList<>(attributes), new ArrayList<>(characteristics), hex(digest.digest()));
    }

    /**
     * The checksum's input contributed by {@code part}, a shard of whole decision-makers of a larger data set: the
     * whole data's fingerprint is {@link #ofParts} of its shards' inputs in ordinal order (the checksum is
     * sequential, so a distributed backend streams the parts to one place one at a time).
     */
    public static byte[] input(ChoiceData part, Collection<String> attributes, Collection<String> characteristics) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        feed(out::write, part, attributes, characteristics);
        return out.toByteArray();
    }

    /**
     * The fingerprint of data with these counts from its shards' checksum inputs ({@link #input}) in ordinal order;
     * equal to {@link #of} of the whole.
     */
    public static DataFingerprint ofParts(long rows, long situations, long decisionMakers,
            Collection<String> attributes, Collection<String> characteristics, java.util.Iterator<byte[]> parts) {
        MessageDigest digest = newDigest();
        while (parts.hasNext()) {
            digest.update(parts.next());
        }
        return new DataFingerprint(rows, situations, decisionMakers, new ArrayList<>(attributes),
                new ArrayList<>(characteristics), hex(digest.digest()));
    }

    private static void feed(Sink sink, ChoiceData data, Collection<String> attributes,
            Collection<String> characteristics) {
        List<String> a = new ArrayList<>(new TreeSet<>(attributes));
        List<String> c = new ArrayList<>(new TreeSet<>(characteristics));
        int[] ai = new int[a.size()];
        for (int k = 0; k < ai.length; k++) {
            ai[k] = data.attributeIndex(a.get(k));
        }
        int[] ci = new int[c.size()];
        for (int k = 0; k < ci.length; k++) {
            ci[k] = data.characteristicIndex(c.get(k));
        }
        ByteBuffer buffer = ByteBuffer.allocate(8 * BATCH);
        double[] z = data.characteristicsRef();
        double[] w = data.weightsRef();
        int[] dmStart = data.decisionMakerStartRef();
        int[] start = data.situationStartRef();
        int[] chosen = data.chosenRowRef();
        int nc = data.characteristicCount();
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            put(sink, buffer, data.decisionMakerId(n));
            put(sink, buffer, Double.doubleToLongBits(w[n]));
            for (int k : ci) {
                put(sink, buffer, Double.doubleToLongBits(z[n * nc + k]));
            }
            for (int s = dmStart[n]; s < dmStart[n + 1]; s++) {
                put(sink, buffer, data.situationId(s));
                put(sink, buffer, chosen[s] - start[s]);
                for (int i = start[s]; i < start[s + 1]; i++) {
                    for (int k : ai) {
                        put(sink, buffer, Double.doubleToLongBits(data.attribute(i, k)));
                    }
                }
            }
        }
        sink.update(buffer.array(), 0, buffer.position());
    }

    private static void put(Sink digest, ByteBuffer buffer, long value) {
        if (buffer.remaining() < 8) {
            digest.update(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
        buffer.putLong(value);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder(2 * bytes.length);
        for (byte v : bytes) {
            b.append(Character.forDigit((v >> 4) & 0xF, 16)).append(Character.forDigit(v & 0xF, 16));
        }
        return b.toString();
    }

    public long rows() {
        return rows;
    }

    public long situations() {
        return situations;
    }

    public long decisionMakers() {
        return decisionMakers;
    }

    /** The attribute columns covered, in name order. */
    public List<String> attributes() {
        return attributes;
    }

    /** The characteristic columns covered, in name order. */
    public List<String> characteristics() {
        return characteristics;
    }

    public String sha256() {
        return sha256;
    }

    /**
     * How {@code other} differs from this fingerprint, in words ("" when they are equal): the counts that differ,
     * or that the values differ.
     */
    public String difference(DataFingerprint other) {
        List<String> d = new ArrayList<>();
        compare(d, "rows", rows, other.rows);
        compare(d, "choice situations", situations, other.situations);
        compare(d, "decision-makers", decisionMakers, other.decisionMakers);
        if (!attributes.equals(other.attributes) || !characteristics.equals(other.characteristics)) {
            d.add("the columns differ (" + attributes + " " + characteristics + " vs " + other.attributes + " "
                    + other.characteristics + ")");
        }
        if (d.isEmpty() && !sha256.equals(other.sha256)) {
            d.add("the same numbers of rows, situations and decision-makers but different values (checksum "
                    + sha256.substring(0, 12) + "... vs " + other.sha256.substring(0, 12) + "...)");
        }
        return String.join("; ", d);
    }

    private static void compare(List<String> d, String what, long expected, long actual) {
        if (expected != actual) {
            d.add(actual + " " + what + " instead of " + expected);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataFingerprint)) {
            return false;
        }
        DataFingerprint f = (DataFingerprint) o;
        return rows == f.rows && situations == f.situations && decisionMakers == f.decisionMakers
                && attributes.equals(f.attributes) && characteristics.equals(f.characteristics)
                && sha256.equals(f.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return rows + " rows, " + situations + " situations, " + decisionMakers + " decision-makers, sha256 "
                + sha256;
    }
}
