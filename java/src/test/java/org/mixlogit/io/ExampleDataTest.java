package org.mixlogit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mixlogit.data.ChoiceData;

/**
 * The bundled Electricity data have the published shape (Revelt and Train; mlogit::Electricity; xlogit's
 * electricity_long.csv): 17,232 rows, 4,308 situations of 4 alternatives, 361 respondents answering 8 to 12 each.
 */
class ExampleDataTest {
    private static ChoiceData data;

    @BeforeAll
    static void read() {
        data = ExampleData.electricity();
    }

    @Test
    @DisplayName("17,232 rows = 4,308 situations x 4 alternatives, 361 decision-makers, a panel")
    void shape() {
        assertEquals(17232, data.rowCount());
        assertEquals(4308, data.situationCount());
        assertEquals(361, data.decisionMakerCount());
        assertTrue(data.isPanel());
        assertEquals(4, data.maxAlternatives());
        assertEquals(List.of("pf", "cl", "loc", "wk", "tod", "seas"), data.attributeNames());
        assertEquals(List.of("pf", "cl", "loc", "wk", "tod", "seas"), ExampleData.electricityLayout()
                .attributeColumns());
    }

    @Test
    @DisplayName("an unbalanced panel: the fewest situations per respondent is 8, the most 12")
    void unbalanced() {
        int fewest = Integer.MAX_VALUE;
        int most = 0;
        for (int n = 0; n < data.decisionMakerCount(); n++) {
            fewest = Math.min(fewest, data.situations(n));
            most = Math.max(most, data.situations(n));
        }
        assertEquals(8, fewest);
        assertEquals(12, most);
    }

    @Test
    @DisplayName("the first situation (chid 1, respondent 1) chose alternative 4: pf 0, cl 5, loc 0, wk 1, tod 1")
    void firstSituation() {
        assertEquals(1, data.situationId(0));
        assertEquals(1, data.decisionMakerId(0));
        assertEquals(3, data.chosenRowRef()[0]);
        double[] row = new double[data.attributeCount()];
        for (int k = 0; k < row.length; k++) {
            row[k] = data.attribute(3, k);
        }
        assertArrayEquals(new double[] {0, 5, 0, 1, 1, 0}, row);
    }

    @Test
    @DisplayName("the raw text starts with the documented header")
    void rawHeader() throws IOException {
        try (Reader reader = ExampleData.openElectricity()) {
            assertEquals("choice,id,alt,pf,cl,loc,wk,tod,seas,chid", new BufferedReader(reader).readLine());
        }
    }
}
