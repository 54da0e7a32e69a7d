library(testthat)
library(mixlogit)

test_check("mixlogit")
