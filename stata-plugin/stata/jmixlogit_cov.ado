*! version 0.1.0  jmixlogit_cov: covariances, standard deviations and correlations of correlated random
*! coefficients after jmixlogit, corr (delta-method standard errors; Hole's mixlcov)
program define jmixlogit_cov, rclass
    version 16
    syntax [, OTHERdata ]

    if ("`e(cmd)'" != "jmixlogit") error 301
    if (e(corr) != 1) {
        display as error "jmixlogit_cov needs a model estimated with corr; the standard deviations of independent" ///
            " random coefficients are the SD equation of e(b)"
        exit 321
    }
    _jmixlogit_post cov, `otherdata'
    return add
end
