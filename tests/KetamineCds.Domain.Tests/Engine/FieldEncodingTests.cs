using System.Reflection;
using FsCheck.Xunit;
using KetamineCds.Domain.Rules.Conditions;
using KetamineCds.Domain.Screening;
using KetamineCds.Domain.Tests.Support;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// The engine's one-pass encoder (<see cref="Fields.Encode"/>) must give, at each field's index, exactly what the
/// field's codec gives for its value, for every field; and every code must stand for a value that encodes back to it
/// with the same evidence.
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
        foreach (var h in new[] { history, odd })
        {
            var codes = Encoded(h);
            foreach (var field in AllFields)
            {
                CheckOne.MakeGenericMethod(ValueType(field)).Invoke(null, [field, h, codes]);
            }
        }
    }

    [Fact]
    public void Encode_FieldsNotRead_AreLeftAsTheyAre()
    {
        var read = new bool[Fields.Count];
        read[Fields.Psychosis.Index] = true;
        var codes = new int[Fields.Count];
        codes.AsSpan().Fill(-1);
        Fields.Encode(Histories.Trd() with { Psychosis = PsychosisStatus.Active }, codes, read);
        Assert.Equal((int)PsychosisStatus.Active, codes[Fields.Psychosis.Index]);
        Assert.Equal(Fields.Count - 1, codes.Count(c => c == -1));
    }

    [Fact]
    public void Encode_EveryField_IsWrittenAtItsOwnIndex()
    {
        var indexes = AllFields.Cast<IEncodedField>().Select(f => f.Index).ToArray();
        Assert.Equal(Enumerable.Range(0, Fields.Count), indexes.Order());

        // Every slot is written (none keeps the fill value), for a history whose values all have codes.
        var codes = new int[Fields.Count];
        codes.AsSpan().Fill(int.MinValue);
        Fields.Encode(Histories.Trd(), codes, Enumerable.Repeat(true, Fields.Count).ToArray());
        Assert.DoesNotContain(int.MinValue, codes);
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
        Assert.Equal(code, Encoded(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = value })[Fields.BenzodiazepineDiazepamEquivalentMg.Index]);
    }

    [Fact]
    public void Encode_BenzodiazepineDose_NegativeZeroAndNotRecorded()
    {
        var index = Fields.BenzodiazepineDiazepamEquivalentMg.Index;
        Assert.Equal(-1, Encoded(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = decimal.Negate(0m) })[index]);
        Assert.Equal(0, Encoded(Histories.Adult() with { BenzodiazepineDiazepamEquivalentMg = null })[index]);
    }

    private static int[] Encoded(PatientHistory history)
    {
        var codes = new int[Fields.Count];
        Fields.Encode(history, codes, Enumerable.Repeat(true, Fields.Count).ToArray());
        return codes;
    }

    private static void EncodeAgreesWithCodec<T>(Field<T> field, PatientHistory history, int[] codes) =>
        Assert.True(field.Codec!.Encode(field.Of(history)) == codes[field.Index], $"{field.Name}: codec and encoder disagree on {WireNames.Display(field.Of(history))}");

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
