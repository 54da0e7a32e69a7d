*! version 0.1.0  jmixlogit_estat: estat after jmixlogit; estat cov is jmixlogit_cov
program define jmixlogit_estat, rclass
    version 16
    if ("`e(cmd)'" != "jmixlogit") error 301
    gettoken sub rest : 0, parse(" ,")
    if ("`sub'" == "cov") {
        jmixlogit_cov `rest'
        return add
    }
    else {
        estat_default `0'
        return add
    }
end
