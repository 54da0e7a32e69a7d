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
 * (optional; without it every situation is its own decision-maker), the chosen indicator (required), the attributes
 * of the alternatives (at least one), decision-maker characteristics (optional) and a weight (optional).
 *
 * <p>Immutable; start with {@link #of(String, String, List)} and change it with the {@code withX} copies. Names are
 * trimmed; each column may play only one role. Columns of the file not named here are ignored.
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

    private CsvLayout(String situationColumn, String decisionMakerColumn, String chosenColumn,
            List<String> attributeColumns, List<String> characteristicColumns, String weightColumn,
            String alternativeColumn, String marketColumn) {
        this.situationColumn = required(situationColumn, Role.SITUATION_ID);
        this.decisionMakerColumn = optional(decisionMakerColumn, Role.DECISION_MAKER_ID);
        this.chosenColumn = required(chosenColumn, Role.CHOSEN);
        this.attributeColumns = names(attributeColumns, Role.ATTRIBUTE);
        this.characteristicColumns = names(characteristicColumns, Role.CHARACTERISTIC);
        this.weightColumn = optional(weightColumn, Role.WEIGHT);
        this.alternativeColumn = optional(alternativeColumn, Role.ALTERNATIVE);
        this.marketColumn = optional(marketColumn, Role.MARKET);
        if (this.attributeColumns.isEmpty()) {
            throw new InvalidDataException("The CSV layout names no attribute columns: give at least one.");
        }
        checkOneRolePerColumn();
    }

    /** Situation id, chosen indicator and attribute columns; no decision-maker, characteristic or weight column. */
    public static CsvLayout of(String situationColumn, String chosenColumn, List<String> attributeColumns) {
        return new CsvLayout(situationColumn, null, chosenColumn, attributeColumns, List.of(), null, null, null);
    }

    /** As {@link #of(String, String, List)}, attributes listed in place. */
    public static CsvLayout of(String situationColumn, String chosenColumn, String... attributeColumns) {
        return of(situationColumn, chosenColumn, Arrays.asList(attributeColumns));
    }

    public CsvLayout withSituation(String column) {
        return new CsvLayout(column, decisionMakerColumn, chosenColumn, attributeColumns, characteristicColumns,
                weightColumn, alternativeColumn, marketColumn);
    }

    /** The decision-maker (panel) id column; {@code null} for none (a cross-section). */
    public CsvLayout withDecisionMaker(String column) {
        return new CsvLayout(situationColumn, column, chosenColumn, attributeColumns, characteristicColumns,
                weightColumn, alternativeColumn, marketColumn);
    }

    public CsvLayout withChosen(String column) {
        return new CsvLayout(situationColumn, decisionMakerColumn, column, attributeColumns, characteristicColumns,
                weightColumn, alternativeColumn, marketColumn);
    }

    public CsvLayout withAttributes(List<String> columns) {
        return new CsvLayout(situationColumn, decisionMakerColumn, chosenColumn, columns, characteristicColumns,
                weightColumn, alternativeColumn, marketColumn);
    }

    public CsvLayout withAttributes(String... columns) {
        return withAttributes(Arrays.asList(columns));
    }

    /** Decision-maker characteristics (constant within each decision-maker); an empty list for none. */
    public CsvLayout withCharacteristics(List<String> columns) {
        return new CsvLayout(situationColumn, decisionMakerColumn, chosenColumn, attributeColumns, columns,
                weightColumn, alternativeColumn, marketColumn);
    }

    public CsvLayout withCharacteristics(String... columns) {
        return withCharacteristics(Arrays.asList(columns));
    }

    /** The weight column (constant within each decision-maker, positive); {@code null} for none. */
    public CsvLayout withWeight(String column) {
        return new CsvLayout(situationColumn, decisionMakerColumn, chosenColumn, attributeColumns,
                characteristicColumns, column, alternativeColumn, marketColumn);
    }

    /**
     * The alternative-id column (labels: numbers or text, each at most once per situation); {@code null} for none.
     * Post-estimation aggregates shares, elasticities and diversion by alternative with it.
     */
    public CsvLayout withAlternative(String column) {
        return new CsvLayout(situationColumn, decisionMakerColumn, chosenColumn, attributeColumns,
                characteristicColumns, weightColumn, column, marketColumn);
    }

    /** The market column (numbers or text, constant within a situation); {@code null} for none. */
    public CsvLayout withMarket(String column) {
        return new CsvLayout(situationColumn, decisionMakerColumn, chosenColumn, attributeColumns,
                characteristicColumns, weightColumn, alternativeColumn, column);
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
        all.add(Map.entry(chosenColumn, Role.CHOSEN));
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
                && chosenColumn.equals(other.chosenColumn)
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
}
