*! version 0.1.0  jmixlogit_diversion: diversion ratios after jmixlogit
program define jmixlogit_diversion, rclass
    version 16
    syntax [if] [in] [, ATtribute(name) TYPE(string) KRinsky(integer 0) REPlicates(integer 5) OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    _jmixlogit_post diversion `if' `in', attribute(`attribute') type(`type') krinsky(`krinsky') ///
        replicates(`replicates') `otherdata'
    return add
    local type = cond("`type'" != "", "`type'", cond("`attribute'" != "", "marginal", "removal"))
    return local type "`type'"
end
