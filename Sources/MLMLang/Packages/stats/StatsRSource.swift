/// stats functions that R writes in R, here in R too, one file per concern.
enum StatsRSource {
    static let source = RSource.combined([ContrastsRSource.source, AovRSource.source, XtabsRSource.source, NaOmitRSource.source, FormulaSamplesRSource.source, TTestRSource.source, HatRSource.source, AggregateRSource.source, ClassicalTestsRSource.source, RankTestsRSource.source, UnirootRSource.source, ReshapeRSource.source, FtableRSource.source, TimeSeriesRSource.source, FormulaRSource.source, ProfileRSource.source, ApproxRSource.source, PAdjustRSource.source, Drop1RSource.source, ModelFrameRSource.source])
}
