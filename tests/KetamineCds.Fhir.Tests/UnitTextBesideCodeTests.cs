namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 257 (QA 255): in FHIR the coded unit (system and code) is the computable one and <c>unit</c> is its display. A
/// panel of 190/112 coded UCUM <c>mm[Hg]</c> whose unit text was UCUM's own name for it, "millimeter of mercury", was not
/// read: the critical blood pressure (CV-003) vanished into "not readable".
/// </summary>
public class UnitTextBesideCodeTests
{
    internal static System.Text.Json.JsonElement Panel(string? unit, string? code, string extra = "") => Fhir.Json($$"""
        {"resourceType": "Observation", "id": "bp", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "85354-9"}]},
         "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2026-11-28T10:00:00Z",
         "component": [
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8480-6"}]}, {{Quantity(190m, unit, code, extra)}} },
           {"code": {"coding": [{"system": "http://loinc.org", "code": "8462-4"}]}, {{Quantity(112m, unit, code, "")}} }]}
        """);

    private static string Quantity(decimal value, string? unit, string? code, string extra) =>
        "\"valueQuantity\": {\"value\": " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + extra
        + (unit is null ? "" : $", \"unit\": \"{unit}\"") + (code is null ? "" : $", \"system\": \"http://unitsofmeasure.org\", \"code\": \"{code}\"") + "}";

    [Theory]
    [InlineData("millimeter of mercury", "mm[Hg]")]
    [InlineData("millimetre of mercury", "mm[Hg]")]
    [InlineData("Millimeters of Mercury", "mm[Hg]")]
    [InlineData("mm Hg.", "mm[Hg]")]
    [InlineData("MMHG", "mm[Hg]")]
    [InlineData("millimeter of mercury", null)]
    public void Read_PressureCodedMillimetresOfMercuryWithItsNameAsUnitText_IsRead(string unit, string? code)
    {
        var reading = Fhir.Read(Fhir.Patient(), Panel(unit, code));

        Assert.Equal(190, reading.Values["systolicBp"]);
        Assert.Equal(112, reading.Values["diastolicBp"]);
        Assert.DoesNotContain(reading.ToCheck, c => c.Field is "systolicBp" or "diastolicBp");
    }
}
