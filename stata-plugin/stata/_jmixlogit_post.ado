*! version 0.1.0  _jmixlogit_post: post-estimation work for jmixlogit (predict, diversion, elasticities, wtp, cov)
*! Internal: called by jmixlogit_p, jmixlogit_diversion, jmixlogit_elasticities, jmixlogit_wtp and jmixlogit_cov,
*! never by the user. The plugin keeps nothing between javacall calls: the fit is restored from its saved form in e(saved).
program define _jmixlogit_post, rclass sortpreserve
    version 16
    gettoken task 0 : 0
    * string options: the wrappers pass them even when empty
    syntax [if] [in] [, NEWvar(string) STATistic(string) COEF(string) ATtribute(string) TYPE(string) ///
        KRinsky(integer 0) REPlicates(integer 5) CLass(integer 0) COst(string) NEGated OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    if (`"`e(saved)'"' == "" & "`e(saved_file)'" == "") {
        display as error "e(saved) not found: these results come from an older jmixlogit; re-run jmixlogit"
        exit 301
    }
    if (!inlist("`task'", "predict", "diversion", "elasticities", "wtp", "cov")) {
        display as error "_jmixlogit_post: unknown task `task'"
        exit 198
    }
    if (`krinsky' < 0 | `replicates' < 0) {
        display as error "krinsky() and replicates() must be nonnegative"
        exit 198
    }

    * the plugin jar must be the one this ado belongs to (Stata keeps the classes it loaded)
    local adoversion "0.1.0"
    javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)
    if ("`jm_version'" != "`adoversion'") {
        display as error "jmixlogit.jar is version `jm_version' but _jmixlogit_post.ado is `adoversion':"
        display as error "Stata still holds the jar it loaded first; type discard (or restart Stata) to load the new one."
        exit 198
    }

    * the sample: if/in and complete cases; diversion and elasticities only within e(sample). jmixlogit_cov uses
    * only the fit (b and V): no data, so that it works after estimates use or with other data in memory
    local needchoice = ("`task'" != "predict" | !inlist("`statistic'", "pr", "classpr"))
    local jm_weight ""
    local jm_estdata = 0
    tempvar inrange esample cut
    if ("`task'" != "cov") {
        marksample touse, novarlist
        quietly generate byte `inrange' = `touse'
        quietly generate byte `esample' = e(sample)
        markout `touse' `e(group)' `e(id)' `e(fixed)' `e(random)' `e(ln)' `e(membership)'
        markout `touse' `e(alternatives)' `e(market)', strok
        if (`needchoice') markout `touse' `e(depvar)'
        if ("`task'" != "predict") quietly replace `touse' = 0 if !`esample'
        * a choice situation is used whole or not at all: one with a missing value in one of its alternatives (unless
        * the estimation was altwise), or whose estimation rows if/in cut apart, is dropped
        local missingcut = cond("`e(altwise)'" == "" & "`task'" == "predict", "(`inrange' & !`touse')", "0")
        quietly egen byte `cut' = max(`missingcut' | (`esample' & !`inrange')), by(`e(group)')
        quietly count if `cut' == 1 & `touse'
        if (r(N) > 0) {
            quietly replace `touse' = 0 if `cut' == 1
            display as text "note: `r(N)' observations of choice situations that are incomplete in the sample" ///
                " (a missing value, or if/in leaves out some of their alternatives) are not used"
        }
        quietly count if `touse' != `esample'
        local jm_estdata = (r(N) == 0 & "`otherdata'" == "")
        if ("`e(wtype)'" != "" & ("`task'" != "predict" | `jm_estdata')) {
            tempvar w
            quietly generate double `w' `e(wexp)' if `touse'
            markout `touse' `w'
            local jm_weight "`w'"
        }
        quietly count if `touse'
        if (r(N) == 0) error 2000
    }

    * the fit travels to the plugin as its saved form; r() matrices come back in the matrices named here
    tempname mD mse msim mkrse mkrlb mkrub mcov mcovse msd msdse mcorr mcorrse
    local jm_mnames "D `mD' E `mD' wtp `mD' se `mse' sim `msim' kr_se `mkrse' kr_lb `mkrlb' kr_ub `mkrub'"
    local jm_mnames "`jm_mnames' cov `mcov' cov_se `mcovse' sd `msd' sd_se `msdse' corr `mcorr' corr_se `mcorrse'"
    local jm_depvar = cond(`needchoice' | `jm_estdata', "`e(depvar)'", "")
    local jm_group "`e(group)'"
    local jm_id "`e(id)'"
    local jm_alternatives "`e(alternatives)'"
    local jm_market "`e(market)'"
    local jm_saved `"`e(saved)'"'
    local jm_saved_file "`e(saved_file)'"
    local jm_esample "`esample'"
    local jm_threads "`c(processors)'"
    local jm_maxdim "`c(max_matdim)'"
    local jm_statistic "`statistic'"
    local jm_newvar "`newvar'"
    local jm_coef "`coef'"
    local jm_attribute "`attribute'"
    local jm_type "`type'"
    local jm_krinsky "`krinsky'"
    local jm_replicates "`replicates'"
    local jm_class "`class'"
    local jm_cost "`cost'"
    local jm_negated "`negated'"
    local vars `jm_depvar' `e(group)' `e(id)' `e(fixed)' `e(random)' `e(ln)' `e(alternatives)' `e(market)' `esample'
    local vars `vars' `e(membership)'

    if ("`task'" == "predict") {
        javacall org.mixlogit.stata.JMixlogit predict `vars' `jm_weight' `newvar' if `touse', jars(jmixlogit.jar)
        return local fit_warning "`jm_fit_warning'"
        exit
    }
    if ("`task'" == "diversion") {
        javacall org.mixlogit.stata.JMixlogit diversion `vars' `jm_weight' if `touse', jars(jmixlogit.jar)
    }
    else if ("`task'" == "elasticities") {
        javacall org.mixlogit.stata.JMixlogit elasticities `vars' `jm_weight' if `touse', jars(jmixlogit.jar)
    }
    else if ("`task'" == "wtp") {
        javacall org.mixlogit.stata.JMixlogit wtp `vars' `jm_weight' if `touse', jars(jmixlogit.jar)
    }
    else {
        javacall org.mixlogit.stata.JMixlogit cov, jars(jmixlogit.jar)
    }

    * Java wrote each statistic with its row and column names; markets are the row equations
    tokenize `jm_mnames'
    while ("`1'" != "") {
        local m_`1' "`2'"
        macro shift 2
    }
    foreach s of local jm_stats {
        if ("`jm_roweq'" != "") matrix roweq `m_`s'' = `jm_roweq'
    }

    display _n as text "`jm_title'"
    if ("`task'" == "cov") {
        foreach s in cov sd corr {
            display _n as text "`s' (standard errors below)"
            matlist `m_`s'', format(%9.4f) border(top bottom)
            matlist `m_`s'_se', format(%9.4f) border(bottom)
        }
    }
    else {
        * diversion and elasticities: rows from, columns to; wtp: rows the population or the classes
        local main : word 1 of `jm_stats'
        local rows = cond("`task'" == "wtp", "", "rowtitle(from)")
        if ("`task'" != "wtp") display as text "(rows: from; columns: to)"
        matlist `m_`main'', format(%9.4f) `rows' border(top bottom)
        display _n as text "Standard errors (delta method)"
        matlist `m_se', format(%9.4f) `rows' border(top bottom)
        if (`replicates' > 0) {
            display _n as text "Simulation errors (spread over `replicates' independent draw sets)"
            matlist `m_sim', format(%9.4f) `rows' border(top bottom)
        }
        if (`krinsky' > 0) {
            display _n as text "Krinsky-Robb standard deviations (`krinsky' draws)"
            matlist `m_kr_se', format(%9.4f) `rows' border(top bottom)
        }
    }
    if (`"`jm_notes'"' != "") display as text `"`jm_notes'"'

    foreach s of local jm_stats {
        return matrix `s' = `m_`s''
    }
    return local title "`jm_title'"
    return local fit_warning "`jm_fit_warning'"
    if ("`task'" == "wtp") {
        return local cost "`cost'"
        return local negated "`negated'"
    }
    if ("`task'" != "cov") {
        return local attribute "`attribute'"
        return scalar krinsky = `krinsky'
        return scalar replicates = `replicates'
    }
end
