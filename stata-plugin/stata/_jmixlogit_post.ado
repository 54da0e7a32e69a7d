*! version 0.1.0  _jmixlogit_post: post-estimation work for jmixlogit (predict, diversion, elasticities)
*! Internal: called by jmixlogit_p, jmixlogit_diversion and jmixlogit_elasticities, never by the user.
*! The plugin keeps nothing between javacall calls: the model is rebuilt from e() on every call.
program define _jmixlogit_post, rclass
    version 16
    gettoken task 0 : 0
    * string options: the wrappers pass them even when empty
    syntax [if] [in] [, NEWvar(string) STATistic(string) COEF(string) ATtribute(string) TYPE(string) ///
        KRinsky(integer 0) REPlicates(integer 5) ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    if (`"`e(spec_json)'"' == "") {
        display as error "e(spec_json) not found: re-run jmixlogit (version 0.1.0 or newer) first"
        exit 301
    }
    if (!inlist("`task'", "predict", "diversion", "elasticities")) {
        display as error "_jmixlogit_post: unknown task `task'"
        exit 198
    }
    if (`krinsky' < 0 | `replicates' < 0) {
        display as error "krinsky() and replicates() must be nonnegative"
        exit 198
    }

    * the plugin jar must be the one this ado belongs to (Stata keeps one JVM per session)
    local adoversion "0.1.0"
    javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)
    if ("`jm_version'" != "`adoversion'") {
        display as error "jmixlogit.jar is version `jm_version' but _jmixlogit_post.ado is `adoversion':"
        display as error "Stata keeps the first jar it loaded; restart Stata to load the new one."
        exit 198
    }

    * the sample: if/in and complete cases; diversion and elasticities only within e(sample)
    local needchoice = ("`task'" != "predict" | "`statistic'" != "pr")
    marksample touse, novarlist
    markout `touse' `e(group)' `e(id)' `e(fixed)' `e(random)' `e(ln)'
    markout `touse' `e(alternatives)' `e(market)', strok
    if (`needchoice') markout `touse' `e(depvar)'
    local jm_weight ""
    if ("`task'" != "predict") {
        quietly replace `touse' = 0 if !e(sample)
        if ("`e(wtype)'" != "") {
            tempvar w
            quietly generate double `w' `e(wexp)' if `touse'
            markout `touse' `w'
            local jm_weight "`w'"
        }
    }
    quietly count if `touse'
    if (r(N) == 0) error 2000

    * the model and the variables travel to the plugin in locals, b and V as copies of e(b) and e(V)
    tempname b V
    matrix `b' = e(b)
    matrix `V' = e(V)
    local jm_depvar = cond(`needchoice', "`e(depvar)'", "")
    local jm_group "`e(group)'"
    local jm_id "`e(id)'"
    local jm_alternatives "`e(alternatives)'"
    local jm_market "`e(market)'"
    local jm_spec_json `"`e(spec_json)'"'
    local jm_options_json `"`e(options_json)'"'
    local jm_b "`b'"
    local jm_V "`V'"
    local jm_statistic "`statistic'"
    local jm_newvar "`newvar'"
    local jm_coef "`coef'"
    local jm_attribute "`attribute'"
    local jm_type "`type'"
    local jm_krinsky "`krinsky'"
    local jm_replicates "`replicates'"
    local vars `jm_depvar' `e(group)' `e(id)' `e(fixed)' `e(random)' `e(ln)' `e(alternatives)' `e(market)'

    if ("`task'" == "predict") {
        javacall org.mixlogit.stata.JMixlogit predict `vars' `newvar' if `touse', jars(jmixlogit.jar)
        exit
    }
    if ("`task'" == "diversion") {
        javacall org.mixlogit.stata.JMixlogit diversion `vars' `jm_weight' if `touse', jars(jmixlogit.jar)
    }
    else {
        javacall org.mixlogit.stata.JMixlogit elasticities `vars' `jm_weight' if `touse', jars(jmixlogit.jar)
    }

    * each statistic (D or E, se, sim, kr_se, kr_lb, kr_ub) comes back element by element as scalars
    * jm_<stat>_<row>_<col> (full precision; . where undefined), its shape and row/column names in locals
    foreach s of local jm_stats {
        tempname m_`s'
        matrix `m_`s'' = J(`jm_rows', `jm_cols', .)
        forvalues i = 1/`jm_rows' {
            forvalues j = 1/`jm_cols' {
                matrix `m_`s''[`i', `j'] = scalar(jm_`s'_`i'_`j')
            }
        }
        scalar drop jm_`s'_*
        matrix rownames `m_`s'' = `jm_rownames'
        matrix colnames `m_`s'' = `jm_colnames'
    }

    local main : word 1 of `jm_stats'
    display _n as text "`jm_title'" _n as text "(rows: from; columns: to)"
    matlist `m_`main'', format(%9.4f) rowtitle(from) border(top bottom)
    display _n as text "Standard errors (delta method)"
    matlist `m_se', format(%9.4f) rowtitle(from) border(top bottom)
    if ("`m_sim'" != "") {
        display _n as text "Simulation errors (spread over `replicates' independent draw sets)"
        matlist `m_sim', format(%9.4f) rowtitle(from) border(top bottom)
    }
    if ("`m_kr_se'" != "") {
        display _n as text "Krinsky-Robb standard deviations (`krinsky' draws)"
        matlist `m_kr_se', format(%9.4f) rowtitle(from) border(top bottom)
    }
    display as text "`jm_notes'"

    foreach s of local jm_stats {
        return matrix `s' = `m_`s''
    }
    return local title "`jm_title'"
    return local attribute "`attribute'"
    return scalar krinsky = `krinsky'
    return scalar replicates = `replicates'
end
