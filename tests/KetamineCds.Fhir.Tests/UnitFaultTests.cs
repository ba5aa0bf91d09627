namespace KetamineCds.Fhir.Tests;

/// <summary>
/// Helper 257: a blood pressure not read for its unit or comparator is named with that cause (<see cref="ChartEntryToCheck.Unit"/>),
/// so that the card says which cause applied. A unit text beside a code mm[Hg] that does not name millimetres of mercury
/// (kPa, words the reader does not know) disagrees with it or cannot be told to agree: never guessed, never read.
/// </summary>
public class UnitFaultTests
{
    [Theory]
    [InlineData("kPa", "mm[Hg]", UnitFaultKind.Disagree, "mm[Hg]", "kPa")]
    [InlineData("cm[H2O]", "mm[Hg]", UnitFaultKind.Disagree, "mm[Hg]", "cm[H2O]")]
    [InlineData("inches of mercury", "mm[Hg]", UnitFaultKind.Disagree, "mm[Hg]", "inches of mercury")]
    [InlineData("kPa", "kPa", UnitFaultKind.NotRead, "kPa", "kPa")]
    [InlineData("mmHg", "kPa", UnitFaultKind.NotRead, "kPa", "mmHg")]
    [InlineData("kPa", null, UnitFaultKind.NotRead, null, "kPa")]
    [InlineData(null, null, UnitFaultKind.NoUnit, null, null)]
    public void Read_PressureWhoseUnitIsNotRead_IsNamedWithThatCause_NeverRead(string? unit, string? code, UnitFaultKind kind, string? faultCode, string? faultText)
    {
        var reading = Fhir.Read(Fhir.Patient(), UnitTextBesideCodeTests.Panel(unit, code));

        Assert.DoesNotContain("systolicBp", reading.Values.Keys);
        Assert.DoesNotContain("diastolicBp", reading.Values.Keys);
        foreach (var field in new[] { "systolicBp", "diastolicBp" })
        {
            var entry = Assert.Single(reading.ToCheck, c => c.Field == field);
            Assert.Equal(ChartCheckKind.ResultNotReadable, entry.Kind);
            Assert.Equal(new UnitFault(kind, faultCode, faultText), entry.Unit);
        }
    }

    [Fact]
    public void Read_PressureWithAComparator_IsNamedAsABound()
    {
        var reading = Fhir.Read(Fhir.Patient(), UnitTextBesideCodeTests.Panel("mmHg", "mm[Hg]", ", \"comparator\": \">\""));

        Assert.DoesNotContain("systolicBp", reading.Values.Keys);
        var entry = Assert.Single(reading.ToCheck, c => c.Field == "diastolicBp");
        Assert.Equal(new UnitFault(UnitFaultKind.Bound, "mm[Hg]", "mmHg", ">190"), entry.Unit);
    }
}
