package org.mixlogit.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.mixlogit.InvalidDataException;

/**
 * Which columns of a long-format CSV file are what: the choice-situation id (required), the decision-maker id
 * (optional; without it every situation is its own decision-maker), the chosen indicator (required to estimate;
 * data for unconditional predictions may leave it out: {@link org.mixlogit.data.ChoiceDataBuilder#forPrediction()}), the attributes
 * of the alternatives (at least one), decision-maker characteristics (optional) and a weight (optional).
 *
 * <p>Immutable; build it with {@link #builder()} (or {@link #of(String, String, List)} for the required columns
 * only) and change it with {@link #toBuilder()} or the one-column {@code withX} copies. Names are trimmed; each
 * column may play only one role. Columns of the file not named here are ignored.
 */
public final class CsvLayout {
    /** What a column of the file holds. */
    public enum Role {
        SITUATION_ID("choice-situation id"),
        DECISION_MAKER_ID("decision-maker id"),
        CHOSEN("chosen indicator"),
        ATTRIBUTE("attribute"),
        CHARACTERISTIC("characteristic"),
        WEIGHT("weight"),
        ALTERNATIVE("alternative id"),
        MARKET("market");

        private final String description;

        Role(String description) {
            this.description = description;
        }

        /** True for the id columns, which hold whole numbers. */
        public boolean isId() {
            return this == SITUATION_ID || this == DECISION_MAKER_ID;
        }

        /** True for the columns read as text labels (alternative, market). */
        public boolean isLabel() {
            return this == ALTERNATIVE || this == MARKET;
        }

        /** The role in words, as messages use it: "choice-situation id", "attribute", ... */
        @Override
        public String toString() {
            return description;
        }
    }

    private final String situationColumn;
    private final String decisionMakerColumn;
    private final String chosenColumn;
    private final List<String> attributeColumns;
    private final List<String> characteristicColumns;
    private final String weightColumn;
    private final String alternativeColumn;
    private final String marketColumn;

    private CsvLayout(Builder b) {
        this.situationColumn = required(b.situation, Role.SITUATION_ID);
        this.decisionMakerColumn = optional(b.decisionMaker, Role.DECISION_MAKER_ID);
        this.chosenColumn = optional(b.chosen, Role.CHOSEN);
        this.attributeColumns = names(b.attributes, Role.ATTRIBUTE);
        this.characteristicColumns = names(b.characteristics, Role.CHARACTERISTIC);
        this.weightColumn = optional(b.weight, Role.WEIGHT);
        this.alternativeColumn = optional(b.alternative, Role.ALTERNATIVE);
        this.marketColumn = optional(b.market, Role.MARKET);
        if (this.attributeColumns.isEmpty()) {
            throw new InvalidDataException("The CSV layout names no attribute columns: give at least one.");
        }
        checkOneRolePerColumn();
    }

    /**
     * An empty builder: the situation and (at least one) attribute columns are required, the chosen column too for
     * estimating (data of unconditional predictions may leave it out), the others optional.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this layout's columns, for a changed copy. */
    public Builder toBuilder() {
        return new Builder().situation(situationColumn).decisionMaker(decisionMakerColumn).chosen(chosenColumn)
                .attributes(attributeColumns).characteristics(characteristicColumns).weight(weightColumn)
                .alternative(alternativeColumn).market(marketColumn);
    }

    /** Situation id, chosen indicator and attribute columns; no decision-maker, characteristic or weight column. */
    public static CsvLayout of(String situationColumn, String chosenColumn, List<String> attributeColumns) {
        return builder().situation(situationColumn).chosen(chosenColumn).attributes(attributeColumns).build();
    }

    /** As {@link #of(String, String, List)}, attributes listed in place. */
    public static CsvLayout of(String situationColumn, String chosenColumn, String... attributeColumns) {
        return of(situationColumn, chosenColumn, Arrays.asList(attributeColumns));
    }

    public CsvLayout withSituation(String column) {
        return toBuilder().situation(column).build();
    }

    /** The decision-maker (panel) id column; {@code null} for none (a cross-section). */
    public CsvLayout withDecisionMaker(String column) {
        return toBuilder().decisionMaker(column).build();
    }

    public CsvLayout withChosen(String column) {
        return toBuilder().chosen(column).build();
    }

    public CsvLayout withAttributes(List<String> columns) {
        return toBuilder().attributes(columns).build();
    }

    public CsvLayout withAttributes(String... columns) {
        return withAttributes(Arrays.asList(columns));
    }

    /** Decision-maker characteristics (constant within each decision-maker); an empty list for none. */
    public CsvLayout withCharacteristics(List<String> columns) {
        return toBuilder().characteristics(columns).build();
    }

    public CsvLayout withCharacteristics(String... columns) {
        return withCharacteristics(Arrays.asList(columns));
    }

    /** The weight column (constant within each decision-maker, positive); {@code null} for none. */
    public CsvLayout withWeight(String column) {
        return toBuilder().weight(column).build();
    }

    /**
     * The alternative-id column (labels: numbers or text, each at most once per situation); {@code null} for none.
     * Post-estimation aggregates shares, elasticities and diversion by alternative with it.
     */
    public CsvLayout withAlternative(String column) {
        return toBuilder().alternative(column).build();
    }

    /** The market column (numbers or text, constant within a situation); {@code null} for none. */
    public CsvLayout withMarket(String column) {
        return toBuilder().market(column).build();
    }

    public Optional<String> alternativeColumn() {
        return Optional.ofNullable(alternativeColumn);
    }

    public Optional<String> marketColumn() {
        return Optional.ofNullable(marketColumn);
    }

    public String situationColumn() {
        return situationColumn;
    }

    public Optional<String> decisionMakerColumn() {
        return Optional.ofNullable(decisionMakerColumn);
    }

    /** The chosen indicator's column; null for prediction data without one. */
    public String chosenColumn() {
        return chosenColumn;
    }

    /** Unmodifiable, in the order the attributes will have in the data. */
    public List<String> attributeColumns() {
        return attributeColumns;
    }

    /** Unmodifiable; empty when there are none. */
    public List<String> characteristicColumns() {
        return characteristicColumns;
    }

    public Optional<String> weightColumn() {
        return Optional.ofNullable(weightColumn);
    }

    /**
     * Every column the layout uses with its role, in the order situation, decision-maker, chosen, attributes,
     * characteristics, weight, alternative, market. Unmodifiable.
     */
    public Map<String, Role> roles() {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Map.Entry<String, Role> e : columnRoles()) {
            roles.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(roles);
    }

    private List<Map.Entry<String, Role>> columnRoles() {
        List<Map.Entry<String, Role>> all = new ArrayList<>();
        all.add(Map.entry(situationColumn, Role.SITUATION_ID));
        if (decisionMakerColumn != null) {
            all.add(Map.entry(decisionMakerColumn, Role.DECISION_MAKER_ID));
        }
        if (chosenColumn != null) {
            all.add(Map.entry(chosenColumn, Role.CHOSEN));
        }
        for (String a : attributeColumns) {
            all.add(Map.entry(a, Role.ATTRIBUTE));
        }
        for (String c : characteristicColumns) {
            all.add(Map.entry(c, Role.CHARACTERISTIC));
        }
        if (weightColumn != null) {
            all.add(Map.entry(weightColumn, Role.WEIGHT));
        }
        if (alternativeColumn != null) {
            all.add(Map.entry(alternativeColumn, Role.ALTERNATIVE));
        }
        if (marketColumn != null) {
            all.add(Map.entry(marketColumn, Role.MARKET));
        }
        return all;
    }

    private void checkOneRolePerColumn() {
        Map<String, Role> seen = new HashMap<>();
        for (Map.Entry<String, Role> e : columnRoles()) {
            Role earlier = seen.putIfAbsent(e.getKey(), e.getValue());
            if (earlier != null) {
                String roles = earlier == e.getValue() ? earlier + " twice" : "both " + earlier + " and "
                        + e.getValue();
                throw new InvalidDataException("Column '" + e.getKey() + "' is named as " + roles
                        + " in the CSV layout: each column may play one role only.");
            }
        }
    }

    private static String required(String name, Role role) {
        if (name == null || name.trim().isEmpty()) {
            throw new InvalidDataException("The CSV layout needs a " + role + " column: give its name.");
        }
        return name.trim();
    }

    private static String optional(String name, Role role) {
        if (name == null) {
            return null;
        }
        if (name.trim().isEmpty()) {
            throw new InvalidDataException("The " + role + " column name in the CSV layout is blank: give a name,"
                    + " or null for none.");
        }
        return name.trim();
    }

    private static List<String> names(List<String> names, Role role) {
        if (names == null) {
            throw new InvalidDataException("The list of " + role + " columns in the CSV layout is null: give an"
                    + " empty list for none.");
        }
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            if (name == null || name.trim().isEmpty()) {
                throw new InvalidDataException("The " + role + " columns of the CSV layout include a blank name: "
                        + names + ".");
            }
            out.add(name.trim());
        }
        return Collections.unmodifiableList(out);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CsvLayout)) {
            return false;
        }
        CsvLayout other = (CsvLayout) o;
        return situationColumn.equals(other.situationColumn)
                && Objects.equals(decisionMakerColumn, other.decisionMakerColumn)
                && Objects.equals(chosenColumn, other.chosenColumn)
                && attributeColumns.equals(other.attributeColumns)
                && characteristicColumns.equals(other.characteristicColumns)
                && Objects.equals(weightColumn, other.weightColumn)
                && Objects.equals(alternativeColumn, other.alternativeColumn)
                && Objects.equals(marketColumn, other.marketColumn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(situationColumn, decisionMakerColumn, chosenColumn, attributeColumns,
                characteristicColumns, weightColumn, alternativeColumn, marketColumn);
    }

    @Override
    public String toString() {
        return "CsvLayout[situation=" + situationColumn
                + ", decisionMaker=" + (decisionMakerColumn == null ? "none (cross-section)" : decisionMakerColumn)
                + ", chosen=" + chosenColumn
                + ", attributes=" + attributeColumns
                + ", characteristics=" + characteristicColumns
                + ", weight=" + (weightColumn == null ? "none" : weightColumn)
                + (alternativeColumn == null ? "" : ", alternative=" + alternativeColumn)
                + (marketColumn == null ? "" : ", market=" + marketColumn) + "]";
    }

    /**
     * Collects the columns of a layout; {@link #build()} validates them (required columns present, names not blank,
     * one role per column). Names are trimmed at build.
     */
    public static final class Builder {
        private String situation;
        private String decisionMaker;
        private String chosen;
        private List<String> attributes = List.of();
        private List<String> characteristics = List.of();
        private String weight;
        private String alternative;
        private String market;

        private Builder() {
        }

        /** The choice-situation id column (required). */
        public Builder situation(String column) {
            situation = column;
            return this;
        }

        /** The decision-maker (panel) id column; {@code null} for none (a cross-section). */
        public Builder decisionMaker(String column) {
            decisionMaker = column;
            return this;
        }

        /** The 0/1 chosen indicator column (required to estimate; unconditional predictions do without it). */
        public Builder chosen(String column) {
            chosen = column;
            return this;
        }

        /** The attribute columns (at least one), in the order the attributes will have in the data. */
        public Builder attributes(List<String> columns) {
            attributes = columns;
            return this;
        }

        public Builder attributes(String... columns) {
            return attributes(Arrays.asList(columns));
        }

        /** Decision-maker characteristics (constant within each decision-maker); an empty list for none. */
        public Builder characteristics(List<String> columns) {
            characteristics = columns;
            return this;
        }

        public Builder characteristics(String... columns) {
            return characteristics(Arrays.asList(columns));
        }

        /** The weight column (constant within each decision-maker, positive); {@code null} for none. */
        public Builder weight(String column) {
            weight = column;
            return this;
        }

        /** The alternative-id column (labels, each at most once per situation); {@code null} for none. */
        public Builder alternative(String column) {
            alternative = column;
            return this;
        }

        /** The market column (numbers or text, constant within a situation); {@code null} for none. */
        public Builder market(String column) {
            market = column;
            return this;
        }

        /** @throws InvalidDataException naming the missing, blank or doubly used column */
        public CsvLayout build() {
            return new CsvLayout(this);
        }
    }
}
