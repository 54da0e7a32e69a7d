*! version 0.1.0  jmixlogit_p: predict after jmixlogit
program define jmixlogit_p
    version 16
    syntax newvarname [if] [in] [, PR CONDitional COEF(name) CLass(integer 0) POSTerior MODal OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    local options = ("`pr'" != "") + ("`conditional'" != "") + ("`coef'" != "") + ("`posterior'" != "") ///
        + ("`modal'" != "")
    if (`options' > 1) {
        display as error "only one of pr, conditional, coef(), posterior and modal is allowed"
        exit 198
    }
    * after nclasses(): modal is the class with the largest posterior probability (1, 2, ...)
    if ("`modal'" != "") {
        if (e(nclasses) >= .) {
            display as error "modal is for latent class models (jmixlogit with nclasses())"
            exit 198
        }
        if (`class' != 0) {
            display as error "modal takes no class(): it is the class of the largest posterior probability"
            exit 198
        }
    }
    * after nclasses(): pr class(#) is the probability in class #, posterior the class probabilities given the
    * decision-maker's choices (lclogit2's lclogitpr2 pr class() and cp): stub1, stub2, ... or class(#) alone
    if (`class' != 0 | "`posterior'" != "") {
        if (e(nclasses) >= .) {
            display as error "class() and posterior are for latent class models (jmixlogit with nclasses())"
            exit 198
        }
        if (`class' < 0 | `class' > e(nclasses)) {
            display as error "class(`class'): the model has classes 1 to `e(nclasses)'"
            exit 198
        }
        if ("`conditional'" != "" | "`coef'" != "") {
            display as error "class() goes with pr or posterior"
            exit 198
        }
    }
    local statistic "pr"
    if ("`conditional'" != "") local statistic "conditional"
    if ("`coef'" != "") local statistic "coef"
    if (`class' > 0 & "`posterior'" == "") local statistic "classpr"
    if ("`posterior'" != "") local statistic "posterior"
    if ("`modal'" != "") local statistic "modal"

    local targets "`varlist'"
    if ("`statistic'" == "posterior" & `class' == 0) {
        local targets ""
        forvalues c = 1/`e(nclasses)' {
            confirm new variable `varlist'`c'
            local targets `targets' `varlist'`c'
        }
    }
    foreach v of local targets {
        quietly generate `typlist' `v' = .
    }
    capture noisily _jmixlogit_post predict `if' `in', newvar(`targets') statistic(`statistic') coef(`coef') ///
        class(`class') `otherdata'
    if (_rc) {
        local rc = _rc
        drop `targets'
        exit `rc'
    }
    if ("`statistic'" == "pr") label variable `varlist' "Pr(`e(depvar)')"
    if ("`statistic'" == "conditional") label variable `varlist' "Pr(`e(depvar)' | own choices)"
    if ("`statistic'" == "coef") label variable `varlist' "E(coefficient of `coef' | own choices)"
    if ("`statistic'" == "classpr") label variable `varlist' "Pr(`e(depvar)') if in class `class'"
    if ("`statistic'" == "modal") label variable `varlist' "modal class (largest posterior probability)"
    if ("`statistic'" == "posterior") {
        local c = `class'
        foreach v of local targets {
            if (`class' == 0) local ++c
            label variable `v' "posterior probability of class `c'"
        }
    }
    * read before the loop: count replaces r(), so r(fit_warning) would reach only the first variable
    local warning `"`r(fit_warning)'"'
    foreach v of local targets {
        if (`"`warning'"' != "") note `v': `"jmixlogit fit warning: `warning'"'
        quietly count if missing(`v')
        if (r(N) > 0) display as text "`v': (" r(N) " missing values generated)"
    }
end
