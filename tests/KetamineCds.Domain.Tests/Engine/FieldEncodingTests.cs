using System.Reflection;
using FsCheck.Xunit;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// Each field's one-call encoder, which the engine uses, must give exactly what its codec gives for the field's value,
/// and every code must stand for a value that encodes back to it with the same evidence.
/// </summary>
public class FieldEncodingTests
{
    private static readonly object[] AllFields = [.. typeof(Fields).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.GetValue(null)!)];

    private static readonly MethodInfo CheckOne = typeof(FieldEncodingTests).GetMethod(nameof(EncodeAgreesWithCodec), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CheckCodes = typeof(FieldEncodingTests).GetMethod(nameof(CodesRoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Type ValueType(object field) => field.GetType().GetGenericArguments()[0];

    [Fact]
    public void Fields_EveryContractField_HasAFieldAndACodec()
    {
        Assert.Equal(ContractFields.Names.Where(n => n is not "patientReference" and not "clinicianNote").Order(StringComparer.Ordinal),
            AllFields.Cast<IEncodedField>().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.All(AllFields.Cast<IEncodedField>(), f => Assert.True(f.Size > 0, $"{f.Name} has no codes"));
    }

    [Property(MaxTest = 1000, Arbitrary = [typeof(HistoryGenerators)])]
    public void Encode_AnyHistory_AgreesWithTheCodec(PatientHistory history, int number, byte pick)
    {
        var odd = history with
        {
            AgeYears = pick % 3 == 0 ? number : history.AgeYears,
            PrognosisWeeks = pick % 3 == 1 ? number : history.PrognosisWeeks,
            SystolicBp = pick % 5 == 2 ? number : history.SystolicBp,
            PrimaryDiagnosis = pick % 7 == 3 ? (PrimaryDiagnosis)(number % 10) : history.PrimaryDiagnosis,
            MoodStabilizer = pick % 7 == 4 ? (MoodStabilizer)(number % 10) : history.MoodStabilizer,
            BenzodiazepineDiazepamEquivalentMg = pick % 11 == 5 ? number / 4m : history.BenzodiazepineDiazepamEquivalentMg,
        };
        foreach (var field in AllFields)
        {
            CheckOne.MakeGenericMethod(ValueType(field)).Invoke(null, [field, history]);
            CheckOne.MakeGenericMethod(ValueType(field)).Invoke(null, [field, odd]);
        }
    }

    [Fact]
    public void Codes_EveryCodeOfEveryField_DecodesToAValueThatEncodesBack()
    {
        foreach (var field in AllFields)
        {
            CheckCodes.MakeGenericMethod(ValueType(field)).Invoke(null, [field]);
        }
    }

    [Theory]
    [InlineData("0", 1)]
    [InlineData("5", 6)]
    [InlineData("200", 201)]
    [InlineData("5.0", -1)]
    [InlineData("0.25", -1)]
    [InlineData("201", -1)]
    [InlineData("-1", -1)]
    public void Encode_BenzodiazepineDose_CodesOnlyWholeNumbersWrittenWithoutDecimals(string dose, int code)
    {
        var value = decimal.Parse(dose, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(code, Fields.BenzodiazepineDiazepamEquivalentMg.Encode(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = value }));
    }

    [Fact]
    public void Encode_BenzodiazepineDose_NegativeZeroAndNotRecorded()
    {
        Assert.Equal(-1, Fields.BenzodiazepineDiazepamEquivalentMg.Encode(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = decimal.Negate(0m) }));
        Assert.Equal(0, Fields.BenzodiazepineDiazepamEquivalentMg.Encode(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = null }));
    }

    private static void EncodeAgreesWithCodec<T>(Field<T> field, PatientHistory history) =>
        Assert.True(field.Codec!.Encode(field.Of(history)) == field.Encode(history), $"{field.Name}: codec and encoder disagree on {WireNames.Display(field.Of(history))}");

    private static void CodesRoundTrip<T>(Field<T> field)
    {
        var codec = field.Codec!;
        for (var code = 0; code < codec.Size; code++)
        {
            var value = codec.Decode(code);
            Assert.True(codec.Encode(value) == code, $"{field.Name}: code {code} decodes to {WireNames.Display(value)}, which encodes to {codec.Encode(value)}");
            Assert.Equal(new Evidence(field.Name, WireNames.Display(value)), field.EvidenceByCode![code]);
        }
    }
}
