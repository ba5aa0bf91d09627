namespace KetamineCds.Fhir.Tests;

/// <summary>
/// QA120 F5 and the review's depth finding: the reading names, for each value, the entries it was read from and, for an
/// Observation, when it was taken, as the reader itself read it (the CDS Hooks service orders measurements and the
/// decision log keeps the sources from this, without walking the FHIR again).
/// </summary>
public class ReadFromTests
{
    /// <summary>00:17 on 29 November in a clinic in Chicago (06:17Z).</summary>
    private static readonly DateTimeOffset ChicagoJustAfterMidnight = new(2026, 11, 29, 6, 17, 0, TimeSpan.Zero);

    [Fact]
    public void ReadAt_ScoreWithATime_NamesItsObservationWithTheTimeAsWrittenTheInstantAndTheClinicsDay()
    {
        // 05:30Z on the 29th is 23:30 on the 28th in Chicago: the clinic's day, not the UTC one.
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Fhir.Observation("q1", "44261-6", 17, effective: "2026-11-29T13:30:00+08:00"));

        var source = Assert.Single(reading.ReadFrom["phq9Total"]);
        Assert.Equal("Observation/q1", source.Reference);
        Assert.Equal(
            new FhirMoment("2026-11-29T13:30:00+08:00", new DateTimeOffset(2026, 11, 29, 5, 30, 0, TimeSpan.Zero), new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 28)),
            source.Moment);
        Assert.Equal(["Observation/q1"], reading.Sources["phq9Total"]);
    }

    [Fact]
    public void ReadAt_ScoreDatedWithoutATime_HasNoInstantAndSpansTheDayAsWritten()
    {
        var reading = Fhir.ReadAt(ChicagoJustAfterMidnight, "America/Chicago", Fhir.Observation("q9", "44260-8", 1, effective: "2026-11-20"));

        var moment = Assert.Single(reading.ReadFrom["phq9Item9"]).Moment;
        Assert.Equal(new FhirMoment("2026-11-20", null, new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 20)), moment);
    }

    [Fact]
    public void Read_BloodPressureFromASystolicAndADiastolic_NamesBothWithTheirMoments_AndAConditionHasNoMoment()
    {
        var reading = Fhir.Read(
            Fhir.Observation("sys", "8480-6", 150m, effective: "2026-11-28T09:00:00Z"),
            Fhir.Observation("dia", "8462-4", 95m, effective: "2026-11-28T09:00:00Z"),
            Fhir.Condition("c-mdd", Fhir.Icd10Cm, "F33.1"));

        Assert.Equal(150, reading.Values["systolicBp"]);
        foreach (var field in new[] { "systolicBp", "diastolicBp" })
        {
            Assert.Equal(["Observation/sys", "Observation/dia"], reading.ReadFrom[field].Select(s => s.Reference));
            Assert.All(reading.ReadFrom[field], s => Assert.Equal("2026-11-28T09:00:00Z", s.Moment!.Written));
        }

        // The diagnosis gives more than one field (the primary diagnosis, the current episode): none has a moment.
        var condition = reading.ReadFrom.Values.SelectMany(s => s).Where(s => s.Reference == "Condition/c-mdd").ToList();
        Assert.NotEmpty(condition);
        Assert.All(condition, s => Assert.Null(s.Moment));
        // Every field read has its sources, and they are the entries Sources names.
        Assert.Equal(reading.Values.Keys.Order(), reading.ReadFrom.Keys.Order());
        Assert.All(reading.ReadFrom, r => Assert.Equal(reading.Sources[r.Key], r.Value.Select(s => s.Reference)));
    }

    [Fact]
    public void Read_ScoreWithAnEffectiveInstant_KeepsTheInstantAsWritten()
    {
        var reading = Fhir.Read(Fhir.Json("""
            {"resourceType": "Observation", "id": "q1", "status": "final", "subject": {"reference": "Patient/p1"},
             "code": {"coding": [{"system": "http://loinc.org", "code": "44261-6"}]}, "effectiveInstant": "2026-11-27T10:15:00.5+01:00", "valueInteger": 12}
            """));

        var moment = Assert.Single(reading.ReadFrom["phq9Total"]).Moment!;
        Assert.Equal("2026-11-27T10:15:00.5+01:00", moment.Written);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 9, 15, 0, 500, TimeSpan.Zero), moment.Instant);
    }
}
