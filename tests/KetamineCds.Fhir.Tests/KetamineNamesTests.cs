namespace KetamineCds.Fhir.Tests;

/// <summary>One list of the words that name ketamine, for a text-only draft order and an allergy record alike.</summary>
public sealed class KetamineNamesTests
{
    [Theory]
    [InlineData("Ketamine 50 mg/mL injection")]
    [InlineData("ESKETAMINE nasal spray")]
    [InlineData("Spravato 28 mg")]
    [InlineData("Ketalar")]
    [InlineData("Vesierra")]
    [InlineData("艾司氯胺酮鼻喷雾剂")]
    public void In_ANameOfKetamineOrABrand_IsFound(string text) => Assert.True(KetamineNames.In(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Amlodipine 5 mg")]
    [InlineData("Ketorolac")]
    public void In_AnotherMedicineOrNoText_IsNotFound(string? text) => Assert.False(KetamineNames.In(text));
}
