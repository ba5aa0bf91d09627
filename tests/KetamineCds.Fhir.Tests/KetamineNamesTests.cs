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
    [InlineData("Ketamin")] // German, Swedish, Danish, Norwegian (QA132 F3)
    [InlineData("Ketamina 50 mg/ml inyectable")] // Spanish, Italian
    [InlineData("kétamine")] // French, with its accent
    [InlineData("Ke\u0301tamine")] // the same, the accent as a combining mark
    [InlineData("KETAMINUM")] // Latin (the INN)
    [InlineData("Esketamin")]
    [InlineData("cetamina")] // Portuguese
    public void In_ANameOfKetamineOrABrand_IsFound(string text) => Assert.True(KetamineNames.In(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Amlodipine 5 mg")]
    [InlineData("Ketorolac")]
    [InlineData("Acetaminophen 500 mg")] // holds "cetamin", not "cetamina"
    [InlineData("Paracetamol")]
    public void In_AnotherMedicineOrNoText_IsNotFound(string? text) => Assert.False(KetamineNames.In(text));
}
