*! version 0.1.0  jmixlogit: mixed logit by maximum simulated likelihood or the method of simulated moments
*! on the mixlogit Java engine (Java 11 or newer)
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

program define Estimate, eclass sortpreserve
    local cmdline `"jmixlogit `0'"'
    syntax varlist(min=1 numeric) [if] [in] [fweight pweight iweight] , GRoup(varname numeric) ///
        [ ID(varname numeric) RANDom(varlist numeric) LN(string) CORR NREP(integer 100)           ///
          DRAWs(string) SEED(integer 12345) BURN(integer -1) STARTs(integer 1) TECHnique(string)  ///
          ITERate(integer 1000) TOLerance(real 0) DIFficult noLOg ALTernatives(varname)            ///
          MARKet(varname) VCE(string) Robust CLuster(varname) THReads(integer 0) FRom(string)      ///
          Level(cilevel) ESTimator(string) INSTruments(string) WEIGHTing(string) ALTWISE              ///
          NCLasses(numlist ascending integer >=1) MEMbership(varlist numeric) COMmon(varlist numeric) * ]
    _get_diopts diopts, `options'

    * the plugin jar must be the one this ado belongs to (Stata keeps the classes it loaded)
    local adoversion "0.1.0"
    javacall org.mixlogit.stata.JMixlogit version, jars(jmixlogit.jar)
    if ("`jm_version'" != "`adoversion'") {
        display as error "jmixlogit.jar is version `jm_version' but jmixlogit.ado is `adoversion':"
        display as error "Stata still holds the jar it loaded first; type discard (or restart Stata) to load the new one."
        exit 198
    }

    gettoken depvar fixed : varlist
    * a variable twice in rand() is refused before ln(#) takes the last # of them (list - drops every copy)
    local dup : list dups random
    if ("`dup'" != "") {
        display as error "`dup' listed twice among the random coefficients; list each variable once"
        exit 198
    }
    * ln(): a varlist of lognormal coefficients, or Hole's ln(#): the last # variables of rand() are lognormal
    local lnvars ""
    if (`"`ln'"' != "") {
        capture confirm integer number `ln'
        if (!_rc) {
            local nrand : word count `random'
            if (`ln' < 0 | `ln' > `nrand') {
                display as error "ln(`ln'): the last `ln' variables of rand() are lognormal, but rand() has `nrand'"
                exit 198
            }
            if (`ln' > 0) {
                forvalues j = `=`nrand' - `ln' + 1'/`nrand' {
                    local lnvars `lnvars' `: word `j' of `random''
                }
            }
            local random : list random - lnvars
        }
        else {
            unab lnvars : `ln'
            confirm numeric variable `lnvars'
            local both : list random & lnvars
            if ("`both'" != "") {
                display as error "`both' listed in rand() and in ln(): a random coefficient is normal (rand())" ///
                    " or lognormal (ln()), not both"
                exit 198
            }
        }
    }
    local allrandom `random' `lnvars'
    local overlap : list fixed & allrandom
    if ("`overlap'" != "") {
        display as error "`overlap' listed both as fixed and as random; list each variable once"
        exit 198
    }
    local dup : list dups allrandom
    if ("`dup'" != "") {
        display as error "`dup' listed twice among the random coefficients; list each variable once"
        exit 198
    }
    local rhs `fixed' `allrandom'
    local indep : list depvar & rhs
    if ("`indep'" != "") {
        display as error "the dependent variable `depvar' cannot have a coefficient"
        exit 198
    }
    if ("`allrandom'" == "" & "`corr'" != "") {
        display as error "option corr needs random coefficients in rand() or ln()"
        exit 198
    }
    * latent classes in lclogit2's words: nclasses(#), membership(varlist); common() coefficients shared by all
    * classes (lclogit2's varlist1); random coefficients of rand() and ln() are random within each class.
    * nclasses(1/5), a range, fits each number of classes and posts the one with the smallest BIC, with the
    * model-selection table in e(selection)
    if ("`nclasses'" == "" & ("`membership'" != "" | "`common'" != "")) {
        display as error "membership() and common() are options of latent class models: give nclasses(#), the" ///
            " number of classes (1 or more)"
        exit 198
    }
    local notin : list common - fixed
    local notin : list notin - allrandom
    if ("`notin'" != "") {
        display as error "common(`common'): `notin' not among the explanatory variables; list it after the" ///
            " dependent variable or in rand() or ln() too"
        exit 198
    }

    * vce(): Stata's abbreviations (vce(r), vce(cl id)); robust and cluster() as in Hole's mixlogit
    if ("`cluster'" != "") {
        if (`"`vce'"' != "") {
            display as error "cluster() and vce() cannot be combined; use vce(cluster `cluster')"
            exit 198
        }
        local vce "cluster `cluster'"
    }
    if ("`robust'" != "") {
        if (`"`vce'"' == "") local vce "robust"
        else if ("`cluster'" == "") {
            display as error "robust and vce() cannot be combined"
            exit 198
        }
    }
    gettoken vcetype clustvar : vce
    local vcetype = strlower("`vcetype'")
    local l = strlen("`vcetype'")
    if (`l' >= 1 & "`vcetype'" == substr("robust", 1, max(`l', 1))) local vcetype "robust"
    if (`l' >= 2 & "`vcetype'" == substr("cluster", 1, max(`l', 2))) local vcetype "cluster"
    local clustvar = strtrim("`clustvar'")
    if ("`clustvar'" != "") {
        if ("`vcetype'" != "cluster") {
            display as error "vce(`vce'): only vce(cluster clustvar) takes a variable"
            exit 198
        }
        unab clustvar : `clustvar', max(1)
    }
    * sampling weights need the sandwich, as for every official estimator
    if ("`weight'" == "pweight") {
        if ("`vcetype'" == "") local vcetype "robust"
        else if ("`vcetype'" == "oim" | "`vcetype'" == "opg") {
            display as error "vce(`vcetype') not allowed with pweights; use vce(robust) or vce(cluster clustvar)"
            exit 198
        }
    }

    * the option words are judged by the engine against its vocabulary (the lists live only there): the plugin
    * fills in the engine's defaults and writes back the words to use and store; an unknown word, an option of
    * estimator(msm) without it or a vce() the estimator does not have is error 198, with a message that names
    * the option and lists its valid words
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
    if ("`difficult'" != "") {
        display as text "note: option difficult has no effect: the engine's line search already handles"  ///
            " nonconcave regions; try technique() or starts() for a hard maximum"
    }
    if (`nrep' < 1 | `starts' < 1 | `threads' < 0 | `iterate' < 0 | `tolerance' < 0) {
        display as error "nrep() and starts() must be positive; threads(), iterate() and tolerance() nonnegative"
        exit 198
    }

    * the sample: if/in, complete cases, positive weights
    marksample touse
    markout `touse' `group' `id' `allrandom' `instvars' `membership'
    markout `touse' `alternatives' `market' `clustvar', strok
    if ("`weight'" != "") {
        tempvar w
        quietly generate double `w' `exp' if `touse'
        markout `touse' `w'
    }
    * casewise deletion, as cmmixlogit: a choice situation with a missing value in any of its alternatives is
    * dropped whole; altwise keeps its other alternatives
    if ("`altwise'" == "") {
        tempvar ifin cut
        mark `ifin' `if' `in'
        quietly egen byte `cut' = max(`ifin' & !`touse'), by(`group')
        quietly count if `cut' == 1 & `touse'
        if (r(N) > 0) {
            quietly replace `touse' = 0 if `cut' == 1
            display as text "note: `r(N)' observations of choice situations with a missing value in one of their" ///
                " alternatives dropped (casewise deletion; option altwise keeps the other alternatives)"
        }
    }
    quietly count if `touse'
    if (r(N) == 0) error 2000

    * Stata's standard checks: 0/1 outcome, exactly one chosen per group, variation within groups
    capture assert inlist(`depvar', 0, 1) if `touse'
    if (_rc) {
        display as error "`depvar' is not a 0/1 variable"
        exit 450
    }
    tempvar chosen
    quietly egen double `chosen' = total(`depvar') if `touse', by(`group')
    capture assert `chosen' == 1 if `touse'
    if (_rc) {
        display as error "`depvar' must be 1 for exactly one alternative in each group(`group')"
        quietly count if `chosen' > 1 & `touse'
        if (r(N) > 0 & "`id'" != "") {
            display as error "(some groups have more: if `group' numbers the choice situations within each `id'," ///
                " make one identifier, egen long newvar = group(`id' `group'), and give group(newvar))"
        }
        exit 459
    }
    foreach v of local fixed {
        CheckVariation `v' `group' `touse'
    }
    foreach v of local allrandom {
        CheckVariation `v' `group' `touse'
    }
    local panelvar = cond("`id'" != "", "`id'", "`group'")

    * options travel to the plugin in locals; b and V come back in the matrices named here
    tempname b V P P_se P_post B CMB PB S O
    local jm_depvar "`depvar'"
    local jm_fixed "`fixed'"
    local jm_random "`random'"
    local jm_ln "`lnvars'"
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
    local jm_tolerance = cond(`tolerance' > 0, "`tolerance'", "")
    local jm_log = cond("`log'" == "nolog", "0", "1")
    local jm_cluster "`clustvar'"
    local jm_threads "`threads'"
    local jm_maxthreads "`c(processors)'"
    local jm_maxdim "`c(max_matdim)'"
    local jm_macrolen "`c(macrolen)'"
    local jm_tmpdir "`c(tmpdir)'"
    local jm_bname "`b'"
    local jm_Vname "`V'"
    local jm_nclasses "`nclasses'"
    local jm_membership "`membership'"
    local jm_common "`common'"
    local jm_lcnames "P `P' P_se `P_se' P_post `P_post' B `B' CMB `CMB' PB `PB' selection `S'"
    local jm_optname "`O'"
    local jm_level "`level'"
    local jm_alternatives "`alternatives'"
    local jm_market "`market'"
    local jm_from ""
    local jm_from_names ""
    local jm_from_mode ""
    if (`"`from'"' != "") {
        * from(matname [, copy|skip]) as Stata's ml: by name unless copy; skip ignores names the model lacks
        gettoken fromname fromopt : from, parse(",")
        local fromopt : subinstr local fromopt "," ""
        confirm matrix `fromname'
        local jm_from = strtrim("`fromname'")
        local jm_from_mode = strlower(strtrim("`fromopt'"))
        local jm_from_names : colfullnames `jm_from'
    }

    local instextra : list instvars - varlist
    local instextra : list instextra - allrandom
    javacall org.mixlogit.stata.JMixlogit estimate `depvar' `fixed' `allrandom' `group' `id' `clustvar' ///
        `jm_weight' `alternatives' `market' `membership' `instextra' if `touse', jars(jmixlogit.jar)

    * Java wrote b and V (Hole's order); the stripes (Mean:x SD:x l21:_cons ...) are set here
    matrix colnames `b' = `jm_colnames'
    matrix colnames `V' = `jm_colnames'
    matrix rownames `V' = `jm_colnames'
    quietly count if `touse'
    local N = r(N)
    if ("`weight'" == "fweight") {
        quietly summarize `w' if `touse', meanonly
        local N = r(sum)
    }
    ereturn post `b' `V', esample(`touse') depname(`depvar') obs(`N')
    ereturn scalar N_g = `jm_N_g'
    ereturn scalar N_id = `jm_N_id'
    ereturn scalar k = `jm_k'
    local eqs "`jm_coleq'"
    local eqs : list uniq eqs
    ereturn scalar k_eq = `: word count `eqs''
    ereturn scalar rank = `jm_rank'
    ereturn scalar kfix = `: word count `fixed''
    ereturn scalar krnd = `: word count `allrandom''
    ereturn scalar krln = `: word count `lnvars''
    ereturn scalar corr = ("`corr'" != "")
    if ("`corr'" != "") ereturn scalar k_aux = `: word count `allrandom'' * (`: word count `allrandom'' + 1) / 2
    ereturn scalar chi2 = `jm_chi2'
    ereturn scalar df_m = `jm_df_m'
    ereturn scalar p = `jm_p'
    ereturn local chi2type "Wald"
    if (inlist("`jm_method'", "msm", "mss")) {
        * the simulated log likelihood at a GMM estimate or a root of the simulated scores is no maximum: not e(ll),
        * so lrtest and estat ic refuse
        ereturn scalar ll_sim = `jm_ll'
    }
    else {
        ereturn scalar ll = `jm_ll'
        ereturn scalar ll_0 = `jm_ll_0'
        ereturn scalar ll_c = `jm_ll_c'
        ereturn scalar chi2_c = `jm_chi2_c'
        ereturn scalar df_c = `jm_df_c'
        ereturn scalar p_c = `jm_p_c'
        ereturn local chi2_ct "LR"
    }
    ereturn scalar converged = `jm_converged'
    ereturn scalar certified = `jm_certified'
    ereturn local certification "`jm_certification'"
    ereturn local integration "`jm_integration'"
    * the distinct optima the starts reached, best first (log likelihood, starts, scaled gradient, converged)
    if (`jm_n_optima' > 0) ereturn matrix optima = `O'
    ereturn scalar iterations = `jm_iterations'
    ereturn scalar ic = `jm_iterations'
    ereturn scalar nrep = `nrep'
    ereturn scalar burn = `burn'
    ereturn scalar level = `level'
    ereturn scalar threads = `jm_threads_used'
    ereturn local draws "`jm_draws'"
    ereturn local estimator "`jm_method'"
    * the engine's covariance: oim, opg, robust, cluster or (MSM) gmm; "Robust" heads the table for the sandwich
    ereturn local vce = cond("`jm_method'" == "msm", "`jm_vcetype'", "`jm_vce'")
    if ("`e(vce)'" == "robust" | "`e(vce)'" == "cluster") ereturn local vcetype "Robust"
    if ("`e(vce)'" == "opg") ereturn local vcetype "OPG"
    if ("`e(vce)'" == "gmm") ereturn local vcetype "GMM"
    if ("`jm_method'" == "msm") {
        ereturn scalar gmm_criterion = `jm_gmm_criterion'
        ereturn scalar J = `jm_J'
        ereturn scalar J_df = `jm_J_df'
        ereturn scalar J_p = `jm_J_p'
        ereturn scalar W_cond = `jm_W_cond'
        ereturn local weighting "`jm_weighting_used'"
        ereturn local instruments "`jm_instrument_names'"
    }
    if ("`e(vce)'" == "cluster") {
        ereturn local clustvar = cond("`clustvar'" != "", "`clustvar'", "`panelvar'")
        ereturn scalar N_clust = `jm_N_clust'
    }
    ereturn local technique "`jm_technique'"
    ereturn local group "`group'"
    ereturn local id "`id'"
    ereturn local alternatives "`alternatives'"
    ereturn local market "`market'"
    ereturn local indepvars "`fixed' `allrandom'"
    ereturn local fixed "`fixed'"
    ereturn local random "`random'"
    ereturn local ln "`lnvars'"
    ereturn local altwise "`altwise'"
    ereturn local wtype "`weight'"
    ereturn local wexp `"`exp'"'
    ereturn local fit_warning "`jm_fit_warning'"
    if ("`nclasses'" != "") {
        * lclogit2's results: class shares e(P) (at the mean membership variables), coefficients by class e(B),
        * class-share logit e(CMB) (Class1 the base), share-weighted coefficients e(PB); BIC and CAIC with N_id.
        * After a range nclasses(A/B) these are the fit with the smallest BIC, e(selection) the table of all
        ereturn scalar nclasses = `jm_nclasses_used'
        ereturn scalar k_share = `jm_k_share'
        ereturn scalar aic = `jm_aic'
        ereturn scalar bic = `jm_bic'
        ereturn scalar caic = `jm_caic'
        ereturn local membership "`membership'"
        ereturn local common "`common'"
        ereturn local boundaries "`jm_boundaries'"
        * the EM search: its starts, then the best start's EM iterations and log likelihood before direct ML
        ereturn scalar em_starts = `jm_em_starts'
        ereturn scalar em_iterations = `jm_em_iterations'
        ereturn scalar ll_em = `jm_ll_em'
        ereturn matrix P = `P'
        ereturn matrix P_se = `P_se'
        ereturn matrix P_post = `P_post'
        ereturn matrix B = `B'
        ereturn matrix CMB = `CMB'
        ereturn matrix PB = `PB'
        if (`: word count `nclasses'' > 1) {
            ereturn local nclasses_list "`nclasses'"
            ereturn matrix selection = `S'
        }
    }
    * the engine's saved form of the fit (mixlogit-result/1): post-estimation restores it; one line of JSON, or,
    * when longer than a macro holds, a file in c(tmpdir) named in e(saved_file)
    ereturn local saved `"`macval(jm_saved)'"'
    ereturn local saved_file "`jm_saved_file'"
    ereturn local spec_json `"`macval(jm_spec_json)'"'
    ereturn local options_json `"`macval(jm_options_json)'"'
    ereturn local predict "jmixlogit_p"
    ereturn local estat_cmd "jmixlogit_estat"
    ereturn local title = cond("`jm_method'" == "msm", "Mixed logit model, MSM (jmixlogit)", ///
        cond("`nclasses'" != "", cond("`allrandom'" != "", "Latent class mixed logit model (jmixlogit)", ///
        "Latent class logit model (jmixlogit)"), "Mixed logit model (jmixlogit)"))
    ereturn local depvar "`depvar'"
    ereturn local properties "b V"
    ereturn local cmdline `"`cmdline'"'
    ereturn local cmd "jmixlogit"
    Display, level(`level') `diopts'
end

* a variable without variation within any choice situation has no identified coefficient (Hole's check, r(459))
program define CheckVariation, sortpreserve
    args v group touse
    tempvar sd
    quietly egen double `sd' = sd(`v') if `touse', by(`group')
    quietly summarize `sd' if `touse', meanonly
    if (r(max) == 0 | r(max) == .) {
        display as error "`v' has no variation within any group(`group'); its coefficient is not identified"
        exit 459
    }
end

program define Display
    syntax [, Level(cilevel) *]
    _get_diopts diopts, `options'
    capture confirm matrix e(selection)
    if (!_rc) {
        display _n as text "Latent class model selection (N = " e(N_id) " decision-makers in BIC and CAIC):"
        matlist e(selection), format(%11.0g) border(top bottom) rowtitle(Classes)
        display as text "Posted below: the fit with the smallest BIC, " e(nclasses) " class" ///
            cond(e(nclasses) == 1, "", "es") "; jmixlogit with nclasses(#) refits another (the same numbers)"
    }
    display _n as text "`e(title)'" _col(49) "Number of obs" _col(67) "=" as result %10.0fc e(N)
    if (e(nclasses) < . & e(krnd) == 0) {
        display as text "Latent classes: " e(nclasses) _col(49) "Number of groups" _col(67) "=" ///
            as result %10.0fc e(N_g)
    }
    else {
        * the rule as the engine describes it: draws per decision-maker, or points per dimension and nodes
        local integration "Integration: `e(integration)'"
        if (strlen("`integration'") > 46) display as text "`integration'"
        else display as text "`integration'" _c
        display as text _col(49) "Number of groups" _col(67) "=" as result %10.0fc e(N_g)
    }
    display as text _col(49) "Decision-makers" _col(67) "=" as result %10.0fc e(N_id)
    if ("`e(vce)'" == "cluster") display as text _col(49) "Clusters" _col(67) "=" as result %10.0fc e(N_clust)
    display as text _col(49) "Wald chi2(" as result e(df_m) as text ")" _col(67) "=" as result %10.2f e(chi2)
    if ("`e(estimator)'" == "msm") {
        display as text "Simulated log likelihood = " as result %11.4f e(ll_sim) _col(49) as text "Prob > chi2" ///
            _col(67) "=" as result %10.4f e(p)
        display as text "(at the MSM estimate: not a maximum)"
        display as text "GMM criterion  = " as result %12.6g e(gmm_criterion) as text ///
            "   (`e(weighting)' weighting, " e(J_df) " over-identifying restrictions)"
        if (e(J) < .) display as text "Hansen's J     = " as result %12.4f e(J) as text "   chi2(" e(J_df) ///
            ")   Prob > chi2 = " as result %6.4f e(J_p)
        display ""
    }
    else if ("`e(estimator)'" == "mss") {
        display as text "Simulated log likelihood = " as result %11.4f e(ll_sim) _col(49) as text "Prob > chi2" ///
            _col(67) "=" as result %10.4f e(p)
        display as text "(at the MSS estimate, a root of the simulated scores: not a maximum)" _n
    }
    else {
        display as text "Log likelihood = " as result %12.4f e(ll) _col(49) as text "Prob > chi2" _col(67) "=" ///
            as result %10.4f e(p) _n
    }
    ereturn display, level(`level') `diopts'
    if (!inlist("`e(estimator)'", "msm", "mss") & e(df_c) > 0 & e(chi2_c) < .) {
        display as text "LR test vs. fixed parameters: chi2(" as result e(df_c) as text ") = " ///
            as result %8.2f e(chi2_c) as text "   Prob > chi2 = " as result %6.4f e(p_c)
    }
    if (e(nclasses) < .) {
        display as text "Class shares at the mean of the membership variables (delta-method standard errors)," ///
            " mean posterior probabilities; Class1 is the base of the class-share logit (equations Share#):"
        tempname shares
        matrix `shares' = e(P), e(P_se), e(P_post)
        matlist `shares', format(%9.4f) border(top bottom)
        display as text "AIC = " as result %10.2f e(aic) as text "   BIC = " as result %10.2f e(bic) ///
            as text "   CAIC = " as result %10.2f e(caic) as text "   (N = " e(N_id) " decision-makers)"
        if ("`e(boundaries)'" != "") display as text "Boundary: `e(boundaries)'"
        if (e(em_starts) < .) {
            display as text "EM from " e(em_starts) " starts; the best stopped at LL " as result %12.4f e(ll_em) ///
                as text " after " e(em_iterations) " iterations, then direct maximum likelihood"
        }
    }
    capture confirm matrix e(optima)
    if (!_rc) {
        if (rowsof(e(optima)) > 1 | el(e(optima), 1, 2) > 1) {
            display as text "Distinct optima found by the starts (log likelihood, starts that reached it," ///
                " scaled gradient, converged), best first:"
            matlist e(optima), format(%12.0g) border(top bottom) rowtitle(Optimum)
            if (`"`e(certification)'"' != "") display as text `"`e(certification)'"'
        }
    }
    if (e(corr) != 1 & e(krnd) > 0) {
        display as text "The sign of the estimated standard deviations is irrelevant: interpret them as positive"
    }
    if (e(converged) != 1) display as text "Warning: convergence not achieved"
    if (`"`e(fit_warning)'"' != "") display as text `"Warning: `e(fit_warning)'"'
end
