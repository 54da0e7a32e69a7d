package org.mixlogit.stata;

import com.stata.sfi.Data;
import com.stata.sfi.Macro;
import com.stata.sfi.Matrix;
import com.stata.sfi.Missing;
import com.stata.sfi.SFIToolkit;
import com.stata.sfi.Scalar;

/**
 * {@link StataSession} on Stata's Java API (com.stata.sfi, Stata 16 and 17), using only methods whose signatures
 * are confirmed in docs/stata-sfi-api-notes.md. Variables and observations are 1-based. Matrices are read
 * (getMatrix) but not written through the API (the signature of Matrix.storeMatrixAt could not be confirmed): their
 * elements travel as scalars that the ado-file assembles.
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
        int type = Data.getType(variable);
        return type == Data.TYPE_STR || type == Data.TYPE_STRL;
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
    public boolean isMissing(double value) {
        return Missing.isMissing(value);
    }

    @Override
    public void setScalar(String name, double value) {
        Scalar.setValue(name, Double.isFinite(value) ? value : Missing.getValue());
    }

    @Override
    public void display(String line) {
        SFIToolkit.displayln(line);
    }

    @Override
    public void error(String line) {
        SFIToolkit.errorln(line);
    }

    @Override
    public boolean breakPressed() {
        return SFIToolkit.pollnow() != 0;
    }
}
