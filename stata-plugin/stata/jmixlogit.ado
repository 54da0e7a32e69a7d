*! version 0.1.0  jmixlogit: mixed logit by maximum simulated likelihood or the method of simulated moments
*! on the mixlogit Java engine
*! The same engine as the R package and the command-line tool: identical numbers.
program define jmixlogit, eclass
    version 16
    if replay() {
        if ("`e(cmd)'" != "jmixlogit") error 301
        Display `0'
        exit
    }
    Estimate `0'
end

program define Estimate, eclass
    syntax varlist(min=1 numeric) [if] [in] [fweight pweight] , GRoup(varname numeric) ///
        [ ID(varname numeric) RANDom(varlist numeric) LN(varlist numeric) CORR NREP(integer 100)   ///
          DRAWs(string) SEED(integer 12345) BURN(integer -1) STARTs(integer 1) TECHnique(string)  ///
          ITERate(integer 1000) ALTernatives(varname) MARKet(varname)                                ///
          VCE(string) THReads(integer 0) FROM(name) Level(cilevel)                                   ///
          ESTimator(string) INSTruments(string) WEIGHTing(string) ]

    * the plugin jar must be the one this ado belongs to (Stata keeps one JVM per session)
    local adoversion "0.1.0"
    javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)
    if ("`jm_version'" != "`adoversion'") {
        display as error "jmixlogit.jar is version `jm_version' but jmixlogit.ado is `adoversion':"
        display as error "Stata keeps the first jar it loaded; restart Stata to load the new one."
        exit 198
    }

    gettoken depvar fixed : varlist
    local random : list random | ln
    local overlap : list fixed & random
    if ("`overlap'" != "") {
        display as error "`overlap' listed both as fixed and as random; list each variable once"
        exit 198
    }
    if ("`random'" == "" & "`corr'" != "") {
        display as error "option corr needs random coefficients in rand() or ln()"
        exit 198
    }
    * the option words are judged by the engine against its vocabulary (the lists live only there): the plugin
    * fills in the engine's defaults and writes back the words to use and store; an unknown word, an option of
    * estimator(msm) without it or a vce() the estimator does not have is error 198, with a message that names
    * the option and lists its valid words
    gettoken vcetype clustvar : vce
    local jm_draws "`draws'"
    local jm_technique "`technique'"
    local jm_estimator "`estimator'"
    local jm_vce "`vcetype'"
    local jm_weighting "`weighting'"
    local jm_instruments `"`instruments'"'
    javacall org.mixlogit.stata.JMixlogit options, jars(jmixlogit.jar)
    * instrument variables (estimator(msm) with a varlist) are marked out like the model's
    local instvars ""
    if ("`jm_instvars'" != "") {
        capture unab instvars : `jm_instvars'
        if (_rc) {
            display as error "instruments(`instruments'): variable not found; name numeric variables, or a keyword (see help jmixlogit)"
            exit 111
        }
        confirm numeric variable `instvars'
        local jm_instruments "`instvars'"
    }
    local clustvar = strtrim("`clustvar'")
    if ("`jm_vce'" == "cluster" & "`clustvar'" != "") confirm numeric variable `clustvar'
    if (`nrep' < 1 | `starts' < 1 | `threads' < 0) {
        display as error "nrep(), starts() must be positive and threads() nonnegative"
        exit 198
    }

    marksample touse
    markout `touse' `group' `id' `random' `clustvar' `instvars'
    markout `touse' `alternatives' `market', strok
    if ("`weight'" != "") {
        tempvar w
        quietly generate double `w' `exp' if `touse'
        markout `touse' `w'
    }
    quietly count if `touse'
    if (r(N) == 0) error 2000

    * Stata's standard checks: 0/1 outcome, exactly one chosen per group, variation
    capture assert inlist(`depvar', 0, 1) if `touse'
    if (_rc) {
        display as error "`depvar' is not a 0/1 variable"
        exit 450
    }
    tempvar chosen
    quietly bysort `touse' `group': egen `chosen' = total(`depvar') if `touse'
    capture assert `chosen' == 1 if `touse'
    if (_rc) {
        display as error "`depvar' must be 1 for exactly one alternative in each group(`group')"
        exit 459
    }
    foreach v of local fixed {
        tempvar sd
        quietly bysort `touse' `group': egen double `sd' = sd(`v') if `touse'
        quietly summarize `sd' if `touse', meanonly
        if (r(max) == 0 | r(max) == .) {
            display as error "`v' has no variation within any group(`group'); it is not identified"
            exit 459
        }
        drop `sd'
    }
    local panelvar = cond("`id'" != "", "`id'", "`group'")
    sort `panelvar' `group', stable

    * options travel to the plugin in locals
    local jm_depvar "`depvar'"
    local jm_fixed "`fixed'"
    local jm_random : list random - ln
    local jm_ln "`ln'"
    local jm_corr = cond("`corr'" != "", "1", "0")
    local jm_group "`group'"
    local jm_id "`id'"
    local jm_weight = cond("`weight'" != "", "`w'", "")
    local jm_wtype "`weight'"
    local jm_nrep "`nrep'"
    local jm_seed "`seed'"
    local jm_burn "`burn'"
    local jm_starts "`starts'"
    local jm_iterate "`iterate'"
    local jm_cluster "`clustvar'"
    local jm_threads "`threads'"
    local jm_level "`level'"
    local jm_alternatives "`alternatives'"
    local jm_market "`market'"
    local jm_from ""
    if ("`from'" != "") {
        forvalues j = 1/`=colsof(`from')' {
            local jm_from "`jm_from' `=`from'[1, `j']'"
        }
    }

    local instextra : list instvars - varlist
    local instextra : list instextra - random
    javacall org.mixlogit.stata.JMixlogit estimate `depvar' `fixed' `random' `group' `id' `clustvar' `jm_weight' ///
        `alternatives' `market' `instextra' if `touse', jars(jmixlogit.jar)

    * b and V come back element by element as scalars jm_b_j and jm_V_i_j (full precision), the stripes
    * (Mean, SD, ...) and the other results in locals
    tempname b V
    matrix `b' = J(1, `jm_k', 0)
    matrix `V' = J(`jm_k', `jm_k', 0)
    forvalues j = 1/`jm_k' {
        matrix `b'[1, `j'] = scalar(jm_b_`j')
        forvalues i = 1/`jm_k' {
            matrix `V'[`i', `j'] = scalar(jm_V_`i'_`j')
        }
    }
    scalar drop jm_b_* jm_V_*
    matrix colnames `b' = `jm_colnames'
    matrix colnames `V' = `jm_colnames'
    matrix rownames `V' = `jm_colnames'
    quietly count if `touse'
    local N = r(N)
    ereturn post `b' `V', esample(`touse') depname(`depvar') obs(`N')
    ereturn scalar N_g = `jm_N_g'
    ereturn scalar N_id = `jm_N_id'
    ereturn scalar ll = `jm_ll'
    ereturn scalar ll_0 = `jm_ll_0'
    ereturn scalar k = `jm_k'
    ereturn scalar converged = `jm_converged'
    ereturn scalar iterations = `jm_iterations'
    ereturn scalar nrep = `nrep'
    ereturn scalar level = `level'
    ereturn local draws "`jm_draws'"
    ereturn local estimator "`jm_method'"
    * MSM: the engine's covariance (the GMM sandwich, or robust/cluster) and diagnostics; . where undefined
    ereturn local vce = cond("`jm_method'" == "msm", "`jm_vcetype'", "`jm_vce'")
    if ("`jm_method'" == "msm") {
        ereturn scalar gmm_criterion = `jm_gmm_criterion'
        ereturn scalar J = `jm_J'
        ereturn scalar J_df = `jm_J_df'
        ereturn scalar J_p = `jm_J_p'
        ereturn scalar W_cond = `jm_W_cond'
        ereturn local weighting "`jm_weighting_used'"
        ereturn local vcetype = cond("`jm_vcetype'" == "gmm", "GMM", "Robust")
        ereturn local instruments "`jm_instrument_names'"
    }
    if ("`jm_vce'" == "cluster") ereturn local clustvar = cond("`clustvar'" != "", "`clustvar'", "`panelvar'")
    ereturn local technique "`jm_technique'"
    ereturn local group "`group'"
    ereturn local id "`id'"
    ereturn local alternatives "`alternatives'"
    ereturn local market "`market'"
    ereturn local fixed "`fixed'"
    ereturn local random "`jm_random'"
    ereturn local ln "`ln'"
    ereturn local wtype "`weight'"
    ereturn local wexp `"`exp'"'
    * the model as the engine reads it: post-estimation rebuilds it from these (the plugin keeps no state)
    ereturn local spec_json `"`jm_spec_json'"'
    ereturn local options_json `"`jm_options_json'"'
    ereturn local predict "jmixlogit_p"
    ereturn local title = cond("`jm_method'" == "msm", "Mixed logit model, MSM (jmixlogit)", ///
        "Mixed logit model (jmixlogit)")
    ereturn local depvar "`depvar'"
    ereturn local properties "b V"
    ereturn local cmd "jmixlogit"
    Display, level(`level')
end

program define Display
    syntax [, Level(cilevel)]
    display _n as text "`e(title)'" _col(49) "Number of obs" _col(67) "=" as result %10.0fc e(N)
    display as text "Draws: `e(draws)', " e(nrep) " per decision-maker" _col(49) "Number of groups" _col(67) "=" ///
        as result %10.0fc e(N_g)
    display as text _col(49) "Decision-makers" _col(67) "=" as result %10.0fc e(N_id)
    if ("`e(estimator)'" == "msm") {
        display as text "Log likelihood = " as result %12.4f e(ll) as text " (simulated, at the MSM estimate)"
        display as text "GMM criterion  = " as result %12.6g e(gmm_criterion) as text ///
            "   (`e(weighting)' weighting, " e(J_df) " over-identifying restrictions)"
        if (e(J) < .) display as text "Hansen's J     = " as result %12.4f e(J) as text "   chi2(" e(J_df) ///
            ")   Prob > chi2 = " as result %6.4f e(J_p)
        display ""
    }
    else display as text "Log likelihood = " as result %12.4f e(ll) _n
    ereturn display, level(`level')
    if (e(converged) != 1) display as error "convergence not achieved"
end
