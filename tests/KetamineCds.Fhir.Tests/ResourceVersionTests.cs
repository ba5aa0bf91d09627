using System.Text.Json;

namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 203: two versions of one resource in a prefetch (same type and id) were both read, as if they were two entries:
/// a Condition confirmed in version 1 and entered in error in version 2 read aneurysm "yes"; an item 9 of 3 in version 1
/// and entered in error in version 2 read 3. The later version supersedes the earlier: only the latest is read (highest
/// numeric <c>meta.versionId</c>, else latest <c>meta.lastUpdated</c>); identical copies are read once; copies that differ
/// and whose order cannot be told are not read, each named (<see cref="ChartCheckKind.VersionUnclear"/>), never a "no".
/// </summary>
public sealed class ResourceVersionTests
{
    /// <summary><paramref name="resource"/> with <paramref name="meta"/> as its <c>meta</c>.</summary>
    private static JsonElement WithMeta(object resource, object meta)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(resource))!;
        fields["meta"] = JsonSerializer.SerializeToElement(meta);
        return Fhir.Json(fields);
    }

    [Fact]
    public void ConditionConfirmed_ThenEnteredInError_ReadsTheLaterVersion_NotYes()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"), new { versionId = "1" }),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", verification: "entered-in-error"), new { versionId = "2" }));

        Assert.NotEqual(true, reading.Values.GetValueOrDefault("aneurysmalVascularDisease"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "aneurysmalVascularDisease");
    }

    [Fact]
    public void VersionsInAnyOrder_TheHighestNumericVersionIsRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", verification: "entered-in-error"), new { versionId = "10" }),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"), new { versionId = "9" }));

        Assert.NotEqual(true, reading.Values.GetValueOrDefault("aneurysmalVascularDisease"));
    }

    [Fact]
    public void Item9OfThree_ThenZeroEnteredInError_IsNotReadAsThree()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithMeta(Fhir.Observation("i9", "44260-8", 3), new { versionId = "1" }),
            WithMeta(Fhir.Observation("i9", "44260-8", 0, status: "entered-in-error"), new { versionId = "2" }));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
    }

    [Fact]
    public void WithoutVersionIds_TheLatestLastUpdatedIsRead()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithMeta(Fhir.Observation("i9", "44260-8", 0, status: "entered-in-error"), new { lastUpdated = "2026-11-28T10:00:00Z" }),
            WithMeta(Fhir.Observation("i9", "44260-8", 3), new { lastUpdated = "2026-11-28T09:00:00Z" }));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void IdenticalCopies_AreReadOnce()
    {
        var reading = Fhir.Read(Fhir.Patient(), Fhir.Observation("i9", "44260-8", 3), Fhir.Observation("i9", "44260-8", 3));

        Assert.Equal(3, reading.Values["phq9Item9"]);
        Assert.Equal(["Observation/i9"], reading.Sources["phq9Item9"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field == "phq9Item9");
    }

    [Fact]
    public void CopiesThatDiffer_WhoseOrderCannotBeTold_AreNotRead_AndEachIsNamed()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            Fhir.Observation("i9", "44260-8", 3),
            Fhir.Observation("i9", "44260-8", 0));

        Assert.False(reading.Values.ContainsKey("phq9Item9"));
        var checks = reading.ToCheck.Where(c => c.Field == "phq9Item9").ToArray();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(ChartCheckKind.VersionUnclear, c.Kind));
    }

    [Fact]
    public void ConditionCopiesThatDiffer_WithTheSameVersionId_AreNotReadAsNo()
    {
        var reading = Fhir.Read(
            Fhir.Patient(),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2"), new { versionId = "a" }),
            WithMeta(Fhir.Condition("c1", Fhir.Icd10Cm, "I71.2", verification: "refuted"), new { versionId = "a" }));

        Assert.False(reading.Values.ContainsKey("aneurysmalVascularDisease"));
        Assert.Contains(reading.ToCheck, c => c.Field == "aneurysmalVascularDisease" && c.Kind == ChartCheckKind.VersionUnclear);
    }
}
