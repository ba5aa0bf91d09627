using KetamineCds.Domain.Screening;
using KetamineCds.Web.Screenings;

namespace KetamineCds.Web.Tests.Validation;

/// <summary>
/// The validator's ranges, lengths, choices and required fields are the catalogue's: change a bound in
/// <see cref="Fields"/> and the validator follows, with nothing to edit beside it.
/// </summary>
public sealed class ValidatorFollowsCatalogueTests
{
    private readonly ScreeningRequestValidator _validator = new();

    private static ScreeningRequest Valid() => Requests.OnlyTheRequiredAnswers();

    public static TheoryData<string> RangedFields() => [.. Fields.All.Where(f => f.Min is not null || f.Max is not null).Select(f => f.Name)];

    public static TheoryData<string> RequiredFields() => [.. Fields.All.Where(f => f.Required).Select(f => f.Name)];

    public static TheoryData<string> ChoiceFields() => [.. Fields.All.Where(f => f.Type == FieldType.Choice).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(RangedFields))]
    public void Validate_JustOutsideTheCataloguesRange_IsRefusedAndTheBoundsAreAccepted(string name)
    {
        var field = Fields.Find(name)!;
        foreach (var (value, valid) in new[] { (field.Min!.Value, true), (field.Max!.Value, true), (field.Min.Value - 1, false), (field.Max.Value + 1, false) })
        {
            var request = Valid();
            request[field] = field.Type == FieldType.Number ? value : (object)(int)value;
            AlsoSatisfyTheFieldsThatGoWithIt(request, field);

            var errors = _validator.Validate(request).Errors.Where(e => e.PropertyName == field.Property).ToList();

            if (valid)
            {
                Assert.Empty(errors);
            }
            else
            {
                Assert.Contains(errors, e => e.ErrorMessage.Contains("must be between", StringComparison.Ordinal)
                    && e.ErrorMessage.Contains(field.Max.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(RequiredFields))]
    public void Validate_RequiredFieldNotRecorded_IsNamed(string name)
    {
        var field = Fields.Find(name)!;
        var request = Valid();
        request[field] = null;

        Assert.Contains(_validator.Validate(request).Errors, e => e.PropertyName == field.Property);
    }

    [Theory]
    [MemberData(nameof(ChoiceFields))]
    public void Validate_ChoiceOutsideTheCatalogue_IsRefusedAndEveryListedChoiceAccepted(string name)
    {
        var field = Fields.Find(name)!;
        foreach (var choice in field.Choices)
        {
            var request = Valid();
            request[field] = choice;
            Assert.DoesNotContain(_validator.Validate(request).Errors, e => e.PropertyName == field.Property && e.ErrorMessage.Contains("must be one of", StringComparison.Ordinal));
        }

        var wrong = Valid();
        wrong[field] = "not-a-choice";
        Assert.Contains(_validator.Validate(wrong).Errors, e => e.PropertyName == field.Property && e.ErrorMessage.Contains("must be one of", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RequiredWhenFromTheCatalogue_AppliesOnlyWhenItsConditionHolds()
    {
        foreach (var field in Fields.All.Where(f => f.RequiredWhen is not null))
        {
            var request = Valid();
            var holds = field.RequiredWhen!.Applies(request.ContractValueOf);
            var named = _validator.Validate(request).Errors.Any(e => e.PropertyName == field.Property);
            Assert.Equal(holds, named);
        }

        var suicidal = Valid();
        suicidal[Fields.Suicidality] = "active-ideation";
        var names = _validator.Validate(suicidal).Errors.Select(e => e.PropertyName).ToHashSet();
        Assert.Contains("SafetyPlanInPlace", names);
        Assert.Contains("LethalMeansCounselled", names);
        Assert.Contains("FollowUpArranged", names);
    }

    [Fact]
    public void Validate_PatientReferenceLongerThanTheCatalogueAllows_IsRefused()
    {
        var request = Valid();
        request[Fields.PatientReference] = new string('A', Fields.PatientReference.MaxLength!.Value);
        Assert.True(_validator.Validate(request).IsValid);

        request[Fields.PatientReference] += "A";
        Assert.Contains(_validator.Validate(request).Errors, e => e.PropertyName == "PatientReference");
    }

    /// <summary>Cross-field checks a bound could trip (item 9 not above the total, systolic above diastolic, ...).</summary>
    public static TheoryData<string, string> AtMostPairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var field in Fields.All.Where(f => f.AtMost is not null))
        {
            pairs.Add(field.Name, field.AtMost!);
        }

        return pairs;
    }

    public static TheoryData<string> RecordedTogether() => [.. Fields.All.Where(f => f.RecordedWith is not null).Select(f => f.Name)];

    public static TheoryData<string> EmptyWhenFields() => [.. Fields.All.Where(f => f.EmptyWhen is not null).Select(f => f.Name)];

    public static TheoryData<string> YesRuledOutWhenFields() => [.. Fields.All.Where(f => f.YesRuledOutWhen is not null).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(AtMostPairs))]
    public void Validate_AboveTheFieldTheCatalogueCapsItWith_IsRefusedAndEqualIsAccepted(string name, string limitName)
    {
        var field = Fields.Find(name)!;
        var limit = Fields.Find(limitName)!;
        foreach (var (value, valid) in new[] { (2, true), (3, false) })
        {
            var request = Valid();
            request[limit] = 2;
            request[field] = value;

            var errors = _validator.Validate(request).Errors.Where(e => e.PropertyName == field.Property).ToList();

            if (valid)
            {
                Assert.Empty(errors);
            }
            else
            {
                Assert.Contains(errors, e => e.ErrorMessage == KetamineCds.Web.Localization.ClinicalText.Shared.Message($"Validation.{field.Property}.AtMost"));
            }
        }
    }

    public static TheoryData<string> PartsOfATotal() => [.. Fields.All.Where(f => f.OtherPartsAtMost is not null).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(PartsOfATotal))]
    public void Validate_BelowTheTotalLessWhatItsOtherPartsScoreAtMost_IsRefusedAndThatLeastIsAccepted(string name)
    {
        // QA157 F2: the catalogue's OtherPartsAtMost (PHQ-9 item 9: the other eight items, 24) makes the least a part can be.
        var field = Fields.Find(name)!;
        var total = Fields.Find(field.AtMost!)!;
        var least = (int)(total.Max!.Value - field.OtherPartsAtMost!.Value);
        foreach (var (value, valid) in new[] { (least, true), (least - 1, false) })
        {
            var request = Valid();
            request[total] = (int)total.Max.Value;
            request[field] = value;

            var errors = _validator.Validate(request).Errors.Where(e => e.PropertyName == field.Property).ToList();

            if (valid)
            {
                Assert.Empty(errors);
            }
            else
            {
                var message = KetamineCds.Web.Localization.ClinicalText.Shared.Message(
                    $"Validation.{field.Property}.OtherPartsAtMost", least, total.Max.Value, field.OtherPartsAtMost.Value);
                Assert.Equal(message, Assert.Single(errors).ErrorMessage);
                Assert.NotEqual($"Validation.{field.Property}.OtherPartsAtMost", message);
            }
        }
    }

    [Theory]
    [MemberData(nameof(RecordedTogether))]
    public void Validate_OneOfAPairTheCatalogueRecordsTogether_IsRefusedAlone(string name)
    {
        var field = Fields.Find(name)!;
        var partner = Fields.Find(field.RecordedWith!)!;
        Assert.Equal(field.Name, partner.RecordedWith);
        var request = Valid();
        request[partner] = (int)((partner.Min!.Value + partner.Max!.Value) / 2);

        Assert.Contains(_validator.Validate(request).Errors, e => e.PropertyName == field.Property);
    }

    [Theory]
    [MemberData(nameof(EmptyWhenFields))]
    public void Validate_AFieldRecordedWhenTheCatalogueSaysAnotherAnswerRulesItOut_IsRefused(string name)
    {
        var field = Fields.Find(name)!;
        var request = Valid();
        request[field] = field.Type switch
        {
            FieldType.ChoiceList => new List<string> { field.Choices[0] },
            FieldType.WholeNumber => (int)(field.Min ?? 0),
            FieldType.Number => field.Min ?? 0m,
            FieldType.YesNo => true,
            _ => field.Choices[0],
        };
        var before = _validator.Validate(request).Errors.Count(e => e.PropertyName == field.Property);

        // Make the catalogue's condition hold: each of its clauses set to the first value it names.
        foreach (var clause in field.EmptyWhen!.Clauses)
        {
            var other = Fields.Find(clause.Field)!;
            request[other] = other.Type == FieldType.YesNo ? clause.Values[0] == "true" : clause.Values[0];
        }

        Assert.Equal(0, before);
        Assert.Contains(_validator.Validate(request).Errors, e => e.PropertyName == field.Property);
    }

    [Theory]
    [MemberData(nameof(YesRuledOutWhenFields))]
    public void Validate_AYesTheCatalogueSaysAnotherAnswerRulesOut_IsRefusedAndANoIsAccepted(string name)
    {
        var field = Fields.Find(name)!;
        Assert.Equal(FieldType.YesNo, field.Type);
        var request = Valid();
        foreach (var clause in field.YesRuledOutWhen!.Clauses)
        {
            var other = Fields.Find(clause.Field)!;
            request[other] = other.Type == FieldType.YesNo ? clause.Values[0] == "true" : clause.Values[0];
        }

        foreach (var (value, refused) in new (bool?, bool)[] { (true, true), (false, false), (null, false) })
        {
            request[field] = value;

            var errors = _validator.Validate(request).Errors.Where(e => e.PropertyName == field.Property).ToList();

            if (refused)
            {
                var message = Assert.Single(errors).ErrorMessage;
                Assert.Equal(KetamineCds.Web.Localization.ClinicalText.Shared.Message($"Validation.{field.Property}.YesRuledOutWhen"), message);
                Assert.NotEqual($"Validation.{field.Property}.YesRuledOutWhen", message);
            }
            else
            {
                Assert.Empty(errors);
            }
        }
    }

    [Fact]
    public void Catalogue_PregnancyYes_IsRuledOutForAPatientMaleAtBirthOnly() =>
        Assert.Equal("sexAtBirth=male", Fields.Pregnant.YesRuledOutWhen?.Expression);

    [Theory]
    [InlineData("none", true)]
    [InlineData("passive-ideation", true)]
    [InlineData("active-ideation", false)]
    [InlineData("active-ideation-with-plan", false)]
    [InlineData("recent-attempt", false)]
    public void Validate_SuicidalIntentYes_IsRefusedBesideNoSuicidalityOrPassiveIdeation(string suicidality, bool refused)
    {
        // QA13 M2: intent beside "passive-ideation" or "none" was stored, read by no rule, and the verdict was "Eligible".
        var request = Valid();
        request[Fields.Suicidality] = suicidality;
        request[Fields.SuicidalIntent] = true;

        var errors = _validator.Validate(request).Errors.Where(e => e.PropertyName == Fields.SuicidalIntent.Property).ToList();

        if (refused)
        {
            Assert.Contains("active ideation", Assert.Single(errors).ErrorMessage, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(errors);
        }
    }

    private static void AlsoSatisfyTheFieldsThatGoWithIt(ScreeningRequest request, FieldDefinition field)
    {
        switch (field.Name)
        {
            case "distinctMechanisms": request[Fields.FailedAdequateTrials] = 30; break;
            case "failedAdequateTrials": request[Fields.DistinctMechanisms] = null; break;
            case "phq9Item9": request[Fields.Phq9Total] = 3; break; // 0 to 3 can each be item 9 of a total of 3 (QA157 F2)
            case "systolicBp": request[Fields.DiastolicBp] = 20; break;
            case "diastolicBp": request[Fields.SystolicBp] = 300; break;
            case "prognosisWeeks": request[Fields.LifeLimitingIllness] = true; break;
        }
    }
}
