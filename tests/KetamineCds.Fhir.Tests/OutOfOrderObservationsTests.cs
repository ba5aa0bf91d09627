namespace KetamineCds.Fhir.Tests;

/// <summary>
/// The prefetch asks for the most recent observations first (<c>_sort=-date</c>), but an EHR may ignore the sort or send
/// several searchset Bundles: the reader picks the most recent observation of each code by its effective time, never by
/// its place in the data, so the same chart in any order reads the same.
/// </summary>
public sealed class OutOfOrderObservationsTests
{
    private static object[] Chart() =>
    [
        Fhir.Observation("t-old", "44261-6", 21, effective: "2026-11-18"),
        Fhir.Observation("t-new", "44261-6", 12, effective: "2026-11-26T10:00:00Z"),
        Fhir.Observation("i9-old", "44260-8", 0, effective: "2026-11-20T10:00:00Z"),
        Fhir.Observation("i9-new", "44260-8", 2, effective: "2026-11-26T10:00:00Z"),
        Fhir.Observation("bp-early", "85354-9", effective: "2026-11-28T07:00:00Z", components: [Fhir.PressureComponent("8480-6", 150m), Fhir.PressureComponent("8462-4", 95m)]),
        Fhir.Observation("bp-late", "85354-9", effective: "2026-11-28T09:00:00Z", components: [Fhir.PressureComponent("8480-6", 132m), Fhir.PressureComponent("8462-4", 84m)]),
        Fhir.Observation("preg-old", "82810-3", (Fhir.Loinc, "LA15173-0"), effective: "2026-11-22"),
        Fhir.Observation("preg-new", "82810-3", (Fhir.Loinc, "LA26683-5"), effective: "2026-11-25"),
    ];

    public static TheoryData<string> Orders => ["as taken", "newest first", "interleaved", "two bundles, newest in the second"];

    private static FhirReading ReadIn(string order, object[] chart) => order switch
    {
        "as taken" => Fhir.Read(chart),
        "newest first" => Fhir.Read(Fhir.Bundle([.. chart.Reverse()])),
        "interleaved" => Fhir.Read(Fhir.Bundle([.. chart.Where((_, i) => i % 2 == 1), .. chart.Where((_, i) => i % 2 == 0)])),
        _ => Fhir.Read(Fhir.Bundle([.. chart.Where((_, i) => i % 2 == 1)]), Fhir.Bundle([.. chart.Where((_, i) => i % 2 == 0)])),
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public void EachCode_ItsMostRecentObservation_IsRead_WhateverTheOrder(string order)
    {
        var reading = ReadIn(order, Chart());

        Assert.Equal(12, reading.Values["phq9Total"]);
        Assert.Equal(["Observation/t-new"], reading.Sources["phq9Total"]);
        Assert.Equal(2, reading.Values["phq9Item9"]);
        Assert.Equal((132, 84), ((int)reading.Values["systolicBp"], (int)reading.Values["diastolicBp"]));
        Assert.Equal(false, reading.Values["pregnant"]);
        Assert.Empty(reading.ToCheck);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void TwoSetsOfTheNineItems_TheMoreRecentSetIsSummed_WhateverTheOrder(string order)
    {
        string[] items = Phq9TotalFormsTests.Items;
        object[] chart =
        [
            .. items.Select((code, i) => Fhir.Observation($"new{i + 1}", code, 1, effective: "2026-11-26T10:00:00Z")), // sum 9
            .. items.Select((code, i) => Fhir.Observation($"old{i + 1}", code, 2, effective: "2026-11-19T10:00:00Z")), // sum 18
        ];

        var reading = ReadIn(order, chart);

        Assert.Equal(9, reading.Values["phq9Total"]);
        Assert.All(reading.Sources["phq9Total"], s => Assert.StartsWith("Observation/new", s, StringComparison.Ordinal));
    }
}
