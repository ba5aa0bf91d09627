using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>
/// QA295 F3: whether a condition may hold once the answers still to come are given (<see cref="AnswerCondition.MayApply"/>).
/// A clause on an answer still to come is unknown, and unknown is never false; every other clause reads as
/// <see cref="AnswerCondition.Applies"/> reads it, "not recorded" included. Pregnancy status's "asked when" is the case the
/// CDS Hooks card missed: with the age still to come, it read the age range as false.
/// </summary>
public class AnswerConditionMayApplyTests
{
    private static readonly AnswerCondition CouldBePregnant = Fields.Pregnant.AskedWhen!;

    private static Func<string, object?> Values(params (string Field, object Value)[] values) =>
        name => values.FirstOrDefault(v => v.Field == name).Value;

    [Theory]
    [InlineData(null, null, true)] // age to come: unknown, never false (Applies says false)
    [InlineData("female", null, true)]
    [InlineData("male", null, false)] // male at birth rules the question out whatever the age
    [InlineData(null, 60, false)]
    [InlineData(null, 30, true)]
    [InlineData("male", 30, false)]
    public void MayApply_AgeStillToCome_IsUnknownNeverFalse(string? sex, int? age, bool may)
    {
        var given = new List<(string, object)>();
        if (sex is not null)
        {
            given.Add(("sexAtBirth", sex));
        }

        if (age is { } years)
        {
            given.Add(("ageYears", years));
        }

        var value = Values([.. given]);

        Assert.Equal(may, CouldBePregnant.MayApply(value, name => name == "ageYears" && age is null));
    }

    [Fact]
    public void MayApply_NothingStillToCome_ReadsAsApplies()
    {
        // An answer not recorded that nothing waits for reads as not recorded: the age range does not hold.
        var value = Values(("sexAtBirth", "female"));

        Assert.False(CouldBePregnant.Applies(value));
        Assert.False(CouldBePregnant.MayApply(value, _ => false));
        Assert.True(CouldBePregnant.MayApply(value, name => name == "ageYears"));
    }
}
