package org.mixlogit.stata;

import com.stata.sfi.Data;
import com.stata.sfi.Macro;
import com.stata.sfi.Matrix;
import com.stata.sfi.Missing;
import com.stata.sfi.SFIToolkit;

/**
 * {@link StataSession} on Stata's Java API (com.stata.sfi, Stata 16 and newer), using only members present with
 * the same descriptors in Stata 16's own sfi-api.jar (see /work/shared/reviews/stata-review.md and
 * docs/stata-sfi-api-notes.md). Variables and observations are 1-based, matrix rows and columns 0-based. Matrices
 * are written directly (createMatrix, storeMatrixAt, setMatrixRowNames, setMatrixColNames) with simple names; the
 * ado-file adds equations with {@code matrix roweq/coleq}. Text goes out as plain text ({@code asis}), so that
 * braces in engine messages are not read as SMCL.
 */
class SfiSession implements StataSession {

    @Override
    public String local(String name) {
        String v = Macro.getLocal(name);
        return v == null ? "" : v;
    }

    @Override
    public void setLocal(String name, String value) {
        Macro.setLocal(name, value);
    }

    @Override
    public int variable(String name) {
        int index = Data.getVarIndex(name);
        return index >= 1 && index <= Data.getVarCount() ? index : -1;
    }

    @Override
    public long observations() {
        return Data.getObsTotal();
    }

    @Override
    public boolean selected(long obs) {
        return Data.isParsedIfTrue(obs);
    }

    @Override
    public double value(int variable, long obs) {
        return Data.getNum(variable, obs);
    }

    @Override
    public boolean isString(int variable) {
        return Data.isVarTypeString(variable);
    }

    @Override
    public boolean isFloat(int variable) {
        return Data.getType(variable) == Data.TYPE_FLOAT;
    }

    @Override
    public String text(int variable, long obs) {
        String s = Data.getStr(variable, obs);
        return s == null ? "" : s;
    }

    @Override
    public boolean store(int variable, long obs, double value) {
        return Data.storeNum(variable, obs, Double.isFinite(value) ? value : Missing.getValue()) == 0;
    }

    @Override
    public double[] matrix(String name) {
        if (Matrix.getMatrixCol(name) < 0) {
            return null;
        }
        Matrix.convertSymmetricToStd(name);
        return Matrix.getMatrix(name);
    }

    @Override
    public int matrixColumns(String name) {
        return Matrix.getMatrixCol(name);
    }

    @Override
    public void storeMatrix(String name, int rows, int cols, double[] values, String[] rowNames, String[] colNames) {
        check(name, "createMatrix", Matrix.createMatrix(name, rows, cols, Missing.getValue()));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = values[i * cols + j];
                if (Double.isFinite(x)) {
                    check(name, "storeMatrixAt", Matrix.storeMatrixAt(name, i, j, x));
                }
            }
        }
        check(name, "setMatrixRowNames", Matrix.setMatrixRowNames(name, rowNames));
        check(name, "setMatrixColNames", Matrix.setMatrixColNames(name, colNames));
    }

    private static void check(String matrix, String call, int rc) {
        if (rc != 0) {
            throw new org.mixlogit.MixlogitException("Stata refused to write matrix " + matrix + " (" + call
                    + " gave return code " + rc + ").");
        }
    }

    @Override
    public boolean isMissing(double value) {
        return Missing.isMissing(value);
    }

    @Override
    public void display(String line) {
        SFIToolkit.display(line + "\n", true);
    }

    @Override
    public void error(String line) {
        SFIToolkit.error(line + "\n", true);
    }

    @Override
    public boolean breakPressed() {
        return SFIToolkit.pollnow() != 0;
    }
}
