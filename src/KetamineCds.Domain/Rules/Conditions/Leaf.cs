using KetamineCds.Domain.Screening;

namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// A test of one field: the only place a condition reads the history. A test of an unrecorded field is
/// <see cref="Truth.Unknown"/>, unless the test is itself about recording (<c>is not recorded</c>, <c>is not true</c>).
/// <paramref name="testsNotRecorded"/> marks the test that holds exactly when the field is not recorded
/// (<c>Criteria.NotRecorded</c>), for <see cref="Condition.FieldsTestedNotRecorded"/>.
/// </summary>
internal sealed class Leaf<T>(Field<T> field, string test, Func<T, bool> predicate, bool decidesNotRecorded = false, bool testsNotRecorded = false) : Condition
{
    public override string Canonical { get; } = "(" + field.Name + " " + test + ")";

    internal override Truth Evaluate(EvaluationScope scope)
    {
        var value = field.Of(scope.History);
        if (value is null && !decidesNotRecorded)
        {
            return Truth.Unknown;
        }

        return predicate(value) ? Truth.True : Truth.False;
    }

    internal override void Explain(EvaluationScope scope, List<Evidence> because) => AddOnce(because, field, scope.History);

    internal override void ExplainAll(EvaluationScope scope, List<Evidence> because) => AddOnce(because, field, scope.History);

    internal override void ExplainUnknown(EvaluationScope scope, List<Evidence> because) => AddOnce(because, field, scope.History);

    internal override void ExplainFalse(EvaluationScope scope, List<Evidence> because) => AddOnce(because, field, scope.History);

    internal override void CollectFields(List<FieldDefinition> fields)
    {
        if (!fields.Contains(field))
        {
            fields.Add(field);
        }
    }

    internal override void CollectNotRecordedTests(List<FieldDefinition> fields)
    {
        if (testsNotRecorded && !fields.Contains(field))
        {
            fields.Add(field);
        }
    }
}
