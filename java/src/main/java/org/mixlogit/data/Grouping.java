package org.mixlogit.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mixlogit.InvalidDataException;

/** The grouped order of the input rows and the offsets that describe it. */
final class Grouping {
    int[] order;
    int[] situationStart;
    int[] decisionMakerStart;
    long[] situationIds;
    long[] decisionMakerIds;
    boolean panel;

    String decisionMakerLabel(int m) {
        return (panel ? "decision-maker " : "choice situation ") + decisionMakerIds[m];
    }

    static Grouping of(long[] situations, long[] decisionMakers, RowDescriber describer) {
        int n = situations.length;
        Map<Long, Integer> situationIndex = new HashMap<>();
        List<Long> situationIdList = new ArrayList<>();
        int[] rowSituation = new int[n];
        int[] situationRows = new int[n];
        List<Integer> situationFirstRow = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Integer s = situationIndex.get(situations[i]);
            if (s == null) {
                s = situationIdList.size();
                situationIndex.put(situations[i], s);
                situationIdList.add(situations[i]);
                situationFirstRow.add(i);
            }
            rowSituation[i] = s;
            situationRows[s]++;
        }
        int situationCount = situationIdList.size();
        // decision-maker of each situation, checked for consistency
        int[] situationDm = new int[situationCount];
        Map<Long, Integer> dmIndex = new HashMap<>();
        List<Long> dmIdList = new ArrayList<>();
        long[] dmOfRow = decisionMakers != null ? decisionMakers : situations;
        int[] dmFirstRowOfSituation = new int[situationCount];
        for (int s = 0; s < situationCount; s++) {
            dmFirstRowOfSituation[s] = -1;
        }
        for (int i = 0; i < n; i++) {
            int s = rowSituation[i];
            long dmId = dmOfRow[i];
            if (dmFirstRowOfSituation[s] < 0) {
                dmFirstRowOfSituation[s] = i;
                Integer m = dmIndex.get(dmId);
                if (m == null) {
                    m = dmIdList.size();
                    dmIndex.put(dmId, m);
                    dmIdList.add(dmId);
                }
                situationDm[s] = m;
            } else if (dmOfRow[dmFirstRowOfSituation[s]] != dmId) {
                int first = dmFirstRowOfSituation[s];
                throw new InvalidDataException("Choice situation " + situations[i] + " has rows with different"
                        + " decision-maker ids (" + dmOfRow[first] + " in " + describer.describe(first) + ", "
                        + dmId + " in " + describer.describe(i) + "): all rows of a situation must belong to"
                        + " one decision-maker; check the id columns.");
            }
        }
        int dmCount = dmIdList.size();
        // situations per decision-maker, in order of first appearance
        int[] dmSituationCount = new int[dmCount];
        for (int s = 0; s < situationCount; s++) {
            dmSituationCount[situationDm[s]]++;
        }
        int[] dmStart = new int[dmCount + 1];
        for (int m = 0; m < dmCount; m++) {
            dmStart[m + 1] = dmStart[m] + dmSituationCount[m];
        }
        int[] fill = dmStart.clone();
        int[] newSituationOfOld = new int[situationCount];
        for (int s = 0; s < situationCount; s++) {
            newSituationOfOld[s] = fill[situationDm[s]]++;
        }
        Grouping g = new Grouping();
        g.panel = decisionMakers != null;
        g.decisionMakerStart = dmStart;
        g.decisionMakerIds = new long[dmCount];
        for (int m = 0; m < dmCount; m++) {
            g.decisionMakerIds[m] = dmIdList.get(m);
        }
        g.situationIds = new long[situationCount];
        int[] newCount = new int[situationCount];
        for (int s = 0; s < situationCount; s++) {
            g.situationIds[newSituationOfOld[s]] = situationIdList.get(s);
            newCount[newSituationOfOld[s]] = situationRows[s];
        }
        g.situationStart = new int[situationCount + 1];
        for (int s = 0; s < situationCount; s++) {
            g.situationStart[s + 1] = g.situationStart[s] + newCount[s];
        }
        int[] rowFill = g.situationStart.clone();
        g.order = new int[n];
        for (int i = 0; i < n; i++) {
            int s = newSituationOfOld[rowSituation[i]];
            g.order[rowFill[s]++] = i;
        }
        return g;
    }
}
