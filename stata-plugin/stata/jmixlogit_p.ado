*! version 0.1.0  jmixlogit_p: predict after jmixlogit
program define jmixlogit_p
    version 16
    syntax newvarname [if] [in] [, PR CONDitional COEF(name) OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    local options = ("`pr'" != "") + ("`conditional'" != "") + ("`coef'" != "")
    if (`options' > 1) {
        display as error "only one of pr, conditional and coef() is allowed"
        exit 198
    }
    local statistic "pr"
    if ("`conditional'" != "") local statistic "conditional"
    if ("`coef'" != "") local statistic "coef"

    quietly generate `typlist' `varlist' = .
    capture noisily _jmixlogit_post predict `if' `in', newvar(`varlist') statistic(`statistic') coef(`coef') ///
        `otherdata'
    if (_rc) {
        local rc = _rc
        drop `varlist'
        exit `rc'
    }
    if ("`statistic'" == "pr") label variable `varlist' "Pr(`e(depvar)')"
    if ("`statistic'" == "conditional") label variable `varlist' "Pr(`e(depvar)' | own choices)"
    if ("`statistic'" == "coef") label variable `varlist' "E(coefficient of `coef' | own choices)"
    if (`"`r(fit_warning)'"' != "") note `varlist': `"jmixlogit fit warning: `r(fit_warning)'"'
    quietly count if missing(`varlist')
    if (r(N) > 0) display as text "(" r(N) " missing values generated)"
end
