package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mixlogit.InvalidDataException;
import org.mixlogit.data.ChoiceData;

/** Long-format CSV becomes choice data; every malformed cell or line is refused naming its row and line. */
class CsvChoiceDataReaderTest {
    /** Two respondents, three situations; rows 1..7 of data are lines 2..8; the note column is never parsed. */
    private static final String CSV = String.join("\n",
            "chid,id,choice,alt,pf,cl,income,note",
            "1,10,0,1,7,5,40,\"cheap, local\"",
            "1,10,1,2,9,1,40,",
            "1,10,0,3,0,0,40,x",
            "2,10,0,1,8,1,40,NA",
            "2,10,1,2,6,5,40,",
            "3,11,1,1,5,0,25,",
            "3,11,0,2,7,5,25,") + "\n";
    private static final CsvLayout LAYOUT = CsvLayout.of("chid", "choice", "pf", "cl").withDecisionMaker("id")
            .withCharacteristics("income");

    private static ChoiceData read(String csv) {
        return CsvChoiceDataReader.read(new StringReader(csv), "test.csv", LAYOUT);
    }

    private static void assertMessage(Executable action, String... fragments) {
        InvalidDataException e = assertThrows(InvalidDataException.class, action);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
    }

    private static void assertSmallData(ChoiceData data) {
        assertEquals(7, data.rowCount());
        assertEquals(3, data.situationCount());
        assertEquals(2, data.decisionMakerCount());
        assertTrue(data.isPanel());
        assertEquals(List.of("pf", "cl"), data.attributeNames());
        assertEquals(List.of("income"), data.characteristicNames());
        assertArrayEquals(new int[] {0, 3, 5, 7}, data.situationStartRef());
        assertArrayEquals(new int[] {1, 4, 5}, data.chosenRowRef());
        assertArrayEquals(new double[] {7, 5, 9, 1, 0, 0, 8, 1, 6, 5, 5, 0, 7, 5}, data.attributeMatrix());
        assertArrayEquals(new double[] {40, 25}, data.characteristicsRef());
        assertEquals(11, data.decisionMakerId(1));
        assertEquals(3, data.situationId(2));
    }

    @Test
    @DisplayName("reads a small CSV from a Reader; unused columns may hold text, quoted commas and NA")
    void readsFromReader() {
        assertSmallData(read(CSV));
    }

    @Test
    @DisplayName("without a chosen column: data for unconditional predictions (each situation's first row stands in),"
            + " refused for estimating with a message naming the source and what to do")
    void withoutChosenColumn() {
        CsvLayout unchosen = CsvLayout.builder().situation("chid").attributes("pf", "cl").decisionMaker("id")
                .characteristics("income").build();
        ChoiceData data = CsvChoiceDataReader.read(new StringReader(CSV), "test.csv", unchosen, true);
        assertEquals(7, data.rowCount());
        assertArrayEquals(new int[] {0, 3, 5}, data.chosenRowRef());
        assertArrayEquals(new double[] {7, 5, 9, 1, 0, 0, 8, 1, 6, 5, 5, 0, 7, 5}, data.attributeMatrix());
        assertMessage(() -> CsvChoiceDataReader.read(new StringReader(CSV), "test.csv", unchosen),
                "Estimating from test.csv needs its chosen-indicator column", "CsvLayout.Builder.chosen");
    }

    @Test
    @DisplayName("reads the same CSV from a file")
    void readsFromFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("small.csv");
        Files.write(file, CSV.getBytes(StandardCharsets.UTF_8));
        assertSmallData(CsvChoiceDataReader.read(file, LAYOUT));
    }

    @Test
    @DisplayName("a file that does not exist is named in the error")
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("absent.csv");
        assertMessage(() -> CsvChoiceDataReader.read(file, LAYOUT), "Cannot read", file.toString(), "no such file");
    }

    @Test
    @DisplayName("CRLF line ends, a byte-order mark and padded header names read like plain LF")
    void crlfBomAndPaddedHeader() {
        String crlf = "\uFEFF" + CSV.replace("chid,id,choice", " chid , id ,choice").replace("\n", "\r\n");
        assertSmallData(read(crlf));
        assertMessage(() -> read(crlf.replace("2,10,0,1,8,1,40,NA", "2,10,0,1,8,1,NA,NA")),
                "row 4 (line 5 of test.csv)", "'income'");
        String lastColumnUsed = "chid,choice,pf\r\n1,1,2.5\r\n1,0,3\r\n";
        assertArrayEquals(new double[] {2.5, 3}, CsvChoiceDataReader.read(new StringReader(lastColumnUsed), "t.csv",
                CsvLayout.of("chid", "choice", "pf")).attributeMatrix());
    }

    @Test
    @DisplayName("a byte-order mark before a quoted header (R's write.csv with UTF-8-BOM) reads as plain (the first"
            + " column was named '\"chid\"' with its quotes)")
    void bomBeforeQuotedHeader() {
        String quoted = "\uFEFF" + CSV.replace("chid,id,choice,alt,pf,cl,income,note",
                "\"chid\",\"id\",\"choice\",\"alt\",\"pf\",\"cl\",\"income\",\"note\"");
        assertSmallData(read(quoted));
        assertSmallData(read(quoted.substring(1)));
    }

    @ParameterizedTest(name = "separator \"{0}\"")
    @ValueSource(strings = {";", "\t"})
    @DisplayName("a file separated by semicolons or tabs is recognised in the message (it only said: check the"
            + " spelling)")
    void otherSeparator(String separator) {
        String csv = CSV.replace(",", separator);
        assertMessage(() -> read(csv), "'chid'", "not in the header", "The header is one column holding "
                + (separator.equals(";") ? "semicolons" : "tabs"), "mixlogit reads comma-separated files");
    }

    @Test
    @DisplayName("ids written as 3.0, a chosen indicator written TRUE/FALSE, and no decision-maker column")
    void idsAsWholeDoublesAndLogicalChosen() {
        String csv = "chid,choice,pf\n3.0,FALSE,1.5\n3.0,TRUE,-2e-1\n4,false,1\n4,true,1\n";
        ChoiceData data = CsvChoiceDataReader.read(new StringReader(csv), "t.csv", CsvLayout.of("chid", "choice",
                "pf"));
        assertFalse(data.isPanel());
        assertEquals(3, data.situationId(0));
        assertArrayEquals(new int[] {1, 3}, data.chosenRowRef());
        assertArrayEquals(new double[] {1.5, -0.2, 1, 1}, data.attributeMatrix());
    }

    @Test
    @DisplayName("an unknown column is named along with the file and the header's columns")
    void unknownColumn() {
        CsvLayout layout = LAYOUT.withAttributes("pf", "price");
        assertMessage(() -> CsvChoiceDataReader.read(new StringReader(CSV), "test.csv", layout), "'price'",
                "attribute", "test.csv", "[chid, id, choice, alt, pf, cl, income, note]");
    }

    @Test
    @DisplayName("an unknown column that differs only in case gets a hint")
    void unknownColumnCase() {
        CsvLayout layout = LAYOUT.withAttributes("PF");
        assertMessage(() -> CsvChoiceDataReader.read(new StringReader(CSV), "test.csv", layout), "'PF'",
                "did you mean 'pf'");
    }

    @ParameterizedTest(name = "cell \"{0}\"")
    @ValueSource(strings = {"NA", "", "NaN", ".", "null", " na "})
    @DisplayName("a missing cell in a used column names the row, its line and the column")
    void missingCell(String missing) {
        String csv = CSV.replace("2,10,0,1,8,1,40,NA", "2,10,0,1," + missing + ",1,40,NA");
        assertMessage(() -> read(csv), "row 4 (line 5 of test.csv)", "'pf'", "missing", "remove or impute");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ".", "NA", "na", "nA", "NaN", "nan", "NAN", "null", "NULL", "Null", "0", "1", "-", "N",
        "NB", "0.5", "1e3", "nab", "Nan.", "nul", "nulls", "nil", "none", "1.25", "..", "n/a", "-NaN", "\u00f1a"})
    @DisplayName("a missing-value marker is exactly one of \"\", \".\", NA, NaN or null in any letter case")
    void missingMarkers(String text) {
        boolean expected = false;
        for (String m : List.of("", "NA", "NaN", ".", "null")) {
            expected |= m.equalsIgnoreCase(text);
        }
        assertEquals(expected, CsvChoiceDataReader.isMissing(text));
    }

    @Test
    @DisplayName("text in a numeric column is quoted in the message with its row, line and column")
    void nonNumeric() {
        String csv = CSV.replace("1,10,1,2,9,1,40,", "1,10,1,2,9,cheap,40,");
        assertMessage(() -> read(csv), "\"cheap\"", "row 2 (line 3 of test.csv)", "'cl'", "not a number");
    }

    @ParameterizedTest(name = "id \"{0}\"")
    @ValueSource(strings = {"3.5", "A3", "1e30"})
    @DisplayName("an id that is not an integer names the value, the row, the line and the column")
    void nonIntegerId(String id) {
        String csv = CSV.replace("3,11,0,2,7,5,25,", "3," + id + ",0,2,7,5,25,");
        assertMessage(() -> read(csv), "\"" + id + "\"", "row 7 (line 8 of test.csv)", "'id'", "not an integer");
    }

    @Test
    @DisplayName("a line with more or fewer fields than the header names the line")
    void raggedRow() {
        assertMessage(() -> read(CSV.replace("1,10,0,3,0,0,40,x", "1,10,0,3,0,0,40,x,extra")), "9 fields",
                "row 3 (line 4 of test.csv)", "8 columns");
        assertMessage(() -> read(CSV.replace("1,10,0,3,0,0,40,x", "1,10,0,3,0,0")), "6 fields", "line 4");
    }

    @Test
    @DisplayName("a validation error found after grouping names the file line")
    void builderErrorNamesLine() {
        String csv = CSV.replace("2,10,0,1,8,1,40,NA", "2,10,1,1,8,1,40,NA");
        assertMessage(() -> read(csv), "situation 2", "more than one chosen",
                "row 4 (line 5 of test.csv)", "row 5 (line 6 of test.csv)");
    }

    @Test
    @DisplayName("blank lines are skipped and later rows still name their true lines")
    void blankLines() {
        String withBlank = CSV.replace("2,10,0,1,8,1,40,NA\n", "2,10,0,1,8,1,40,NA\n\n\n") + "\n";
        assertSmallData(read(withBlank));
        assertMessage(() -> read(withBlank.replace("3,11,0,2,7,5,25,", "3,11,0,2,7,5,NA,")),
                "row 7 (line 10 of test.csv)");
        assertMessage(() -> read(withBlank.replace("3,11,0,2,7,5,25,", "3,11,0,2,7,5,26,")), "'income'",
                "row 6 (line 9 of test.csv)", "row 7 (line 10 of test.csv)");
    }

    @Test
    @DisplayName("an infinite value is read, then refused by validation with its line")
    void infinite() {
        assertMessage(() -> read(CSV.replace("1,10,0,3,0,0,40,x", "1,10,0,3,-Inf,0,40,x")), "'pf'", "infinite",
                "row 3 (line 4 of test.csv)");
    }

    @Test
    @DisplayName("empty text, a header without rows, and a used column named twice in the header are refused")
    void emptyAndAmbiguous() {
        assertMessage(() -> read(""), "test.csv is empty", "header");
        assertMessage(() -> read("chid,id,choice,alt,pf,cl,income,note\n"), "no data rows");
        assertMessage(() -> read(CSV.replace("income,note", "income,pf")), "'pf'", "more than once",
                "columns 5 and 8");
    }

    @Test
    @DisplayName("an unterminated quote is reported as invalid CSV")
    void unterminatedQuote() {
        assertMessage(() -> read(CSV.replace("\"cheap, local\"", "\"cheap, local")), "test.csv",
                "not valid CSV");
    }
}
