using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// A choice field names the enumeration its values are (<see cref="FieldDefinition.ChoiceType"/>): the OpenAPI document
/// names the values' component after it, so it must be the enumeration whose contract strings are the field's choices.
/// </summary>
public class FieldCatalogueTests
{
    [Fact]
    public void OtherPartsAtMost_IsDeclaredBesideAnAtMostOnly_AndForPhq9Item9IsTheOtherEightItemsAtMost()
    {
        // QA157 F2: item 9 is one of the PHQ-9's nine items, each 0 to 3, so the other eight score at most 8 x 3 = 24.
        Assert.All(Fields.All.Where(f => f.OtherPartsAtMost is not null), f => Assert.NotNull(f.AtMost));
        Assert.Equal(8 * (int)Fields.Phq9Item9.Max!.Value, Fields.Phq9Item9.OtherPartsAtMost);
        Assert.Equal(Fields.Phq9Total.Max!.Value, Fields.Phq9Item9.Max!.Value + Fields.Phq9Item9.OtherPartsAtMost!.Value);
        Assert.Equal(3m, Fields.Phq9Item9.LeastWith(27));
        Assert.Equal(-24m, Fields.Phq9Item9.LeastWith(0));
        Assert.Null(Fields.DistinctMechanisms.LeastWith(30));
    }

    [Fact]
    public void ChoiceType_EveryChoiceAndChoiceList_IsTheEnumerationWhoseContractStringsAreItsChoices()
    {
        var choices = Fields.All.Where(f => f.Type is FieldType.Choice or FieldType.ChoiceList).ToList();

        Assert.NotEmpty(choices);
        Assert.All(choices, field =>
        {
            Assert.NotNull(field.ChoiceType);
            Assert.True(field.ChoiceType.IsEnum, $"{field.Name}: {field.ChoiceType} is not an enumeration");
            Assert.Equal(field.Choices, Enum.GetValues(field.ChoiceType).Cast<Enum>().Select(WireNames.Of));
        });
    }

    [Fact]
    public void ChoiceType_ANullableChoiceAndAList_IsTheEnumerationItself()
    {
        Assert.Equal(typeof(SexAtBirth), Fields.SexAtBirth.ChoiceType);
        Assert.Equal(typeof(PsychosisStatus), Fields.Psychosis.ChoiceType);
        Assert.Equal(typeof(SubstanceUsed), Fields.SubstancesUsed.ChoiceType);
    }

    [Fact]
    public void ChoiceType_EveryOtherField_IsNull()
    {
        Assert.All(Fields.All.Where(f => f.Type is not (FieldType.Choice or FieldType.ChoiceList)), field => Assert.Null(field.ChoiceType));
    }
}
