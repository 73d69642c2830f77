import XCTest
@testable import MLMLang

/// Model objects are R lists a user can build or edit: methods given damaged ones answer with
/// an R error, never a trap.
final class DamagedObjectsTests: XCTestCase {
    func errors(_ code: String) throws -> [String] {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        return try session.run(code, continueAfterError: true).flatMap(\.events).compactMap { event in
            if case .error(let message, _) = event { return message }
            return nil
        }
    }

    func testLinearModelMethods() throws {
        let found = try errors("""
        fake <- structure(list(), class = "lm")
        anova(fake)
        logLik(fake)
        summary(fake)
        stats:::anova.lm(1)
        fit <- lm(dist ~ speed, data = data.frame(speed = c(4, 7, 8, 9), dist = c(2, 4, 16, 10)))
        fit$rank <- NULL
        logLik(fit)
        """)
        XCTAssertEqual(found, [
            "invalid 'lm' object: no usable 'rank' component",
            "invalid 'lm' object: no usable 'rank' component",
            "invalid 'lm' object: no usable 'df.residual' component",
            "no applicable method for 'anova' applied to an object of class \"numeric\"",
            "invalid 'lm' object: no usable 'rank' component",
        ])
    }

    /// A "qr" list whose parts disagree (rank past the columns, qraux too short, a pivot out
    /// of range) is refused before any of its arrays is indexed.
    func testForgedQRDecompositions() throws {
        let found = try errors("""
        qr.qy(structure(list(qr = matrix(1, 1, 1), rank = 5L, qraux = numeric(0), pivot = 1L), class = "qr"), 1)
        qr.coef(structure(list(qr = matrix(1, 2, 2), rank = 2L, qraux = c(1, 1), pivot = c(7L, 1L)), class = "qr"), 1:2)
        qr.R(structure(list(qr = matrix(1, 2, 2), rank = 3L, qraux = c(1, 1), pivot = 1:2), class = "qr"))
        qr.qty(qr(diag(2)), 1:3)
        """)
        XCTAssertEqual(found, [
            "argument is not a QR decomposition", "argument is not a QR decomposition", "argument is not a QR decomposition",
            "'qr' and 'y' must have the same number of rows",
        ])
    }

    func testGeneralizedLinearModelObjects() throws {
        let found = try errors("""
        d <- data.frame(y = c(0, 1, 1, 0, 1, 1), x = 1:6)
        g <- glm(y ~ x, family = binomial, data = d)
        unnamed <- g
        names(unnamed$coefficients) <- NULL
        s <- summary(unnamed)
        bare <- g
        names(bare$fitted.values) <- NULL
        s <- summary(bare)
        broken <- g
        broken$qr <- NULL
        summary(broken)
        binomial()$dev.resids(c(1, 0), numeric(0), 1)
        simulate(g, nsim = 0)
        l <- lm(y ~ x, data = d)
        l$weights <- c(1, 2)
        simulate(l)
        f <- factor(c("a", "b"))
        attr(f, "levels") <- "a"
        m <- as.matrix(data.frame(x = 1:2, f = I(f)))
        """)
        XCTAssertEqual(found, [
            "invalid 'glm' object: no usable 'qr' component",
            "argument mu must be a numeric vector of length 1 or length 2",
            "'nsim' must be a positive integer",
            "the fit's weights do not fit its fitted values",
        ])
    }

    func testRandomEffectsObjects() throws {
        XCTAssertEqual(try errors("""
        as.data.frame(structure(list(a = data.frame(x = 1:3)), class = "ranef.mer"))
        print(structure(list(a = NULL), class = "ranef.mer"))
        """), [])
    }

    /// Summaries whose components were edited by hand still print (as much as fits) or say why.
    func testEditedSummaries() throws {
        XCTAssertEqual(try errors("""
        s <- summary(lm(dist ~ speed, data = data.frame(speed = c(4, 7, 8, 9), dist = c(2, 4, 16, 10))))
        s$aliased <- c(a = TRUE, b = FALSE, c = FALSE, d = FALSE)
        print(s)
        library(lme4)
        sm <- summary(lmer(Reaction ~ Days + (1 | Subject), sleepstudy))
        sm$AICtab <- structure(numeric(0), names = character(0))
        print(sm)
        vc <- VarCorr(lmer(Reaction ~ Days + (1 | Subject), sleepstudy))
        print(unclass(vc))
        print(structure(list(a = matrix(1:4, 2)), class = "VarCorr.merMod", sc = 1))
        """), [])
    }

    /// Dates and times far out of range, and POSIXlt fields edited to anything, are NA (as R's
    /// are) rather than a trap converting them to whole numbers.
    func testOutOfRangeDatesAndEditedTimeFields() throws {
        let session = Session(workingDirectory: FileManager.default.temporaryDirectory)
        let value = try session.evaluateInline("""
        x <- as.POSIXlt("2024-01-01", tz = "UTC"); x$sec <- 1e300; y <- as.POSIXlt("2024-01-01", tz = "UTC"); y$wday <- 1e300
        z <- as.POSIXlt("2024-01-01", tz = "UTC"); z$gmtoff <- -1e300
        c(format(structure(c(1e300, -Inf, 1), class = "Date")),
          format(as.POSIXct(c(1e300, 2e16), origin = "1970-01-01", tz = "UTC")),
          format(as.POSIXct(1e300, origin = "1970-01-01", tz = "America/New_York")),
          format(x, "%S"), format(y, "%a"), format(z, "%Y %z"))
        """)
        XCTAssertEqual(value.asVector.map(Coerce.strings), [nil, nil, "1970-01-02", nil, nil, nil, nil, "", "2024 +0000"])
    }

    /// The exact Wilcoxon distributions keep tables that grow with m × n (or n²): parameters
    /// too large for memory are an R error, not libRmath failing to allocate and exiting.
    func testWilcoxonDistributionsRefuseTablesTooLargeForMemory() throws {
        let found = try errors("pwilcox(1, 1e5, 1e5)\npsignrank(1, 1e9)\ndwilcox(1, Inf, 2)")
        XCTAssertEqual(found.count, 3)
        XCTAssertTrue(found.allSatisfy { $0.hasPrefix("parameters too large for") }, "\(found)")
        XCTAssertEqual(try errors("pwilcox(5, 4, 6)\npsignrank(4, 10)"), [])
    }

    /// Kernels and graphics reached with values a lesson would not write (through .Internal, or
    /// numbers too large for an Int) give errors or draw, and never trap.
    func testNewKernelsAndGraphicsRefuseOutlandishInput() throws {
        let found = try errors("""
        x <- .Internal(Fexact(structure(c(1L, NA, 3L, 4L, 5L, 6L), dim = c(2L, 3L))))
        x <- .Internal(pRho(10, 1e300, TRUE))
        x <- .Internal(pKendall(NaN, 5))
        x <- .Internal(zeroin2(function(x) x, -1, 1, -1, 1, 1e-4, 1e300))
        x <- .Internal(pKendall(3, 5000))
        plot(1:3, col = 1e300)
        x <- col2rgb(1e300)
        legend("topleft", "a", pch = 1e300)
        x <- apply(array(1:8, c(2, 2, 2)), NA, sum)
        interaction.plot(factor(character()), factor(character()), numeric())
        library(ggplot2)
        d <- data.frame(day = structure(c(1e15, 1e15 + 3), class = "Date"), y = 1:2)
        print(ggplot(d, aes(day, y)) + geom_point())
        ggplot(data.frame(x = 1:2, y = 1:2, g = c("a", "b")), aes(x, y)) + facet_wrap(~ g, nrow = 1e300)
        print(ggplot(data.frame(day = as.Date("2024-01-01") + 0:3, y = 1:4), aes(day, y)) + geom_point() +
              scale_x_date(date_breaks = "1e300 months"))
        """)
        XCTAssertEqual(found, [
            "all entries of 'x' must be nonnegative and finite",
            "invalid arguments to pRho",
            "invalid arguments to pKendall",
            "'MARGIN' does not match dim(X)",
            "'x.factor' and 'trace.factor' must have at least one level",
            "`nrow` must be a whole number larger than or equal to 1.",
            "invalid date_breaks specification: '1e300 months'",
        ])
    }

    /// lmer's arguments that mlmd cannot honour yet are errors, never a fit of other data.
    func testLmerRefusesArgumentsItWouldIgnore() throws {
        let found = try errors("""
        library(lme4)
        m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, weights = rep(1:2, 90))
        m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, subset = Days > 2)
        m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, offset = Days)
        m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, na.action = na.exclude)
        m <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy, na.action = na.pass)
        d <- sleepstudy
        d$Reaction[3] <- NA
        m <- lmer(Reaction ~ Days + (1 | Subject), d, na.action = na.exclude)
        m <- lmer(Reaction ~ Days + (1 | Subject), d, na.action = na.fail)
        m <- lmer(Reaction ~ Days + (1 | Subject), d, na.action = na.omit)
        """)
        XCTAssertEqual(found, ["weights", "subset", "offset"].map { "lmer(\($0) = ) is not supported yet" } + [
            "lmer(na.action = na.pass) is not supported yet",
            "lmer(na.action = na.exclude) of data with missing values is not supported yet",
            "missing values in object",
        ])
    }

    /// The Kenward-Roger and terms kernels check what they are given; the adjustment refuses a
    /// fit whose n x n matrices would not fit in memory with R's words.
    func testKenwardRogerAndTermsKernelsRefuseDamagedInput() throws {
        let found = try errors("""
        library(lme4)
        fm <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
        x <- .Internal(kr_adjustment(list(model.id = 99)))
        x <- .Internal(kr_ftest(fm, matrix(1, 1, 5)))
        x <- .Internal(kr_ftest(fm, "a"))
        x <- .Internal(termsFormula(1))
        x <- pbkrtest::vcovAdj(glmer(cbind(incidence, size - incidence) ~ period + (1 | herd), cbpp, binomial))
        x <- pbkrtest::Lb_ddf(c(0, 1), vcov(fm), matrix(1, 2, 2))
        V <- pbkrtest::vcovAdj(fm)
        x <- pbkrtest::Lb_ddf(c(0, 1, 2), vcov(fm), V)
        attr(V, "W") <- matrix(1, 3, 3)
        x <- pbkrtest::Lb_ddf(c(0, 1), vcov(fm), V)
        x <- viridisLite::viridis(NaN)
        x <- viridisLite::viridis(1e300)
        """)
        XCTAssertEqual(found, [
            "'object' is not Gaussian linear mixed model",
            "the hypothesis matrix needs 2 columns",
            "the hypothesis matrix needs 2 columns",
            "argument is not a valid model",
            "no applicable method for 'vcovAdj' applied to an object of class \"c('glmerMod', 'merMod')\"",
            "'Vadj' must be the adjusted covariance vcovAdj returns, with its P and W",
            "the hypothesis matrix needs 2 columns",
            "'W' must be a 2 x 2 matrix",
            "invalid 'n' argument",
            "cannot allocate vector of size 67055225372.3 Gb",
        ])
        RLimits.maxLength = 1000
        defer { RLimits.maxLength = 2_147_483_647 }
        let big = try errors("""
        fm <- lmerTest::lmer(Reaction ~ Days + (1 | Subject), lme4::sleepstudy)
        x <- anova(fm, ddf = "Kenward-Roger")
        """)
        XCTAssertEqual(big.count, 1)
        XCTAssertTrue(big.first?.hasPrefix("cannot allocate vector of length") ?? false, "\(big)")
    }

    /// nlme's lme and gls refuse what they do not provide, and their kernels check what they
    /// are given; the Hessian kernel leaves the fit at its own θ.
    func testLmeGlsAndTheirKernelsRefuseDamagedInput() throws {
        let found = try errors("""
        library(nlme)
        m <- lme(distance ~ age, data = Orthodont, random = ~ 1 | Subject)
        before <- fixef(m)
        fit <- attr(m$modelStruct, "fit")
        x <- .Internal(lme_natural_hessian(list(model.id = 99), c(0, 0), 1L, 1L, TRUE))
        x <- .Internal(lme_natural_hessian(fit, c(0, 0, 0), 1L, 1L, TRUE))
        x <- .Internal(lme_natural_hessian(fit, c(0, 0), 2L, 1L, TRUE))
        x <- .Internal(lme_natural_hessian(fit, c("a", "b"), 1L, 1L, TRUE))
        x <- .Internal(lme_natural_hessian(fit, c(0, 0), 1L, 5L, TRUE))
        x <- .Internal(lme_natural_hessian(fit, c(0, 0), 1L, 1L, TRUE))
        stopifnot(all(dim(x) == 2), isTRUE(all.equal(lme4::getME(fit, "theta")[[1]], sqrt(m$modelStruct$reStruct$Subject$cov))))
        x <- .Internal(lme_stratum_fit(fit, rep(1L, 108), 1L))
        x <- .Internal(lme_stratum_fit(fit, rep(3L, 108), 2L))
        x <- .Internal(gls_fit(matrix(1, 3, 1), c(1, 2), 1:3, 1:3, rep(1L, 3), 1L, 0L, TRUE))
        x <- .Internal(gls_fit(matrix(1, 3, 1), c(1, 2, 3), 1:3, 1:3, rep(1L, 3), 1L, 7L, TRUE))
        x <- .Internal(gls_fit(matrix(1, 2, 2), c(1, 2), 1:2, 1:2, rep(1L, 2), 1L, 0L, TRUE))
        x <- gls(distance ~ age, Orthodont, correlation = 1)
        x <- gls(distance ~ age, Orthodont, weights = varIdent(0.5, form = ~ 1 | Sex))
        x <- lme(distance ~ age, data = Orthodont, random = ~ 1 | Subject, correlation = 1)
        x <- lme(distance ~ age, data = Orthodont, random = list(Subject = structure(list(), class = "pdMat")))
        x <- lme(distance ~ age, data = Orthodont, random = ~ 1 | Subject, subset = age > 8)
        x <- lme(~ age, data = Orthodont, random = ~ 1 | Subject)
        x <- lme(distance ~ age, data = data.frame(distance = 1:4, age = 1:4), random = ~ 1)
        """)
        XCTAssertEqual(found, [
            "'fit' is not a linear mixed model",
            "'pars' do not match the fit's random effects",
            "'pars' do not match the fit's random effects",
            "invalid arguments",
            "invalid arguments",
            "the strata do not match the data",
            "the strata do not match the data",
            "invalid arguments",
            "invalid arguments",
            "gls: fewer observations than coefficients",
            "gls(correlation = ) other than corAR1 and corCompSymm is not supported yet",
            "gls() with fixed or initial structure values is not supported yet",
            "lme(correlation = ) is not supported yet",
            "lme(random = ) with pdMat classes is not supported yet",
            "lme(subset = ) is not supported yet",
            "\nfixed-effects model must be a formula of the form \"resp ~ pred\"",
            "'random' must be a formula of the form ~ x | g, or a list of them",
        ])
    }

    /// The kernels under splines, lme4's profile() and refit(), chol and the page's math are
    /// reachable from R code with any arguments: they answer with errors (or NA), never a trap.
    func testProfileSplineAndMatrixKernelsRefuseDamagedInput() throws {
        let found = try errors("""
        x <- .Internal(spline_basis(c(0, 1, 2), 10L, 0.5, 0))
        x <- .Internal(spline_basis(1:10, 4L, c(100, -5, 5), 0))
        stopifnot(all(is.na(x[, 1:2])))
        x <- .Internal(spline_basis(1:10, 4L, 5, 1e300))
        x <- .Internal(spline_value(c(0, 1), 1:3, 9L, 0.5, 0L))
        x <- chol(1:4)
        library(lme4)
        fm <- lmer(Reaction ~ Days + (1 | Subject), sleepstudy)
        x <- .Internal(lmerProfileZeta(1L, 1L, 1, c(1), c(0), c(Inf), NaN))
        x <- .Internal(lmerProfileZeta(1L, 1L, 1, c(1), c(0, 1), c(Inf), 1))
        x <- .Internal(lmerProfileZeta(1L, 1L, 1, c(1), c(0), c(Inf), 1e300))
        x <- refit(fm, rep(NaN, 180))
        x <- .Internal(lmerFixedProfileModel(1L, 99L))
        """)
        XCTAssertEqual(found, [
            "'ord' must be positive integer, at most the number of knots (3)",
            "'derivs' must be in {0, .., ord - 1}",
            "invalid arguments",
            "'a' must be a square matrix",
            "invalid arguments",
            "invalid arguments",
            "invalid arguments",
            "NA/NaN/Inf in 'y'",
            "invalid arguments",
        ])
    }
}
