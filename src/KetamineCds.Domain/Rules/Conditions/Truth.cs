namespace KetamineCds.Domain.Rules.Conditions;

/// <summary>
/// A condition's answer for one history. <see cref="Unknown"/> means the answer turns on a field that is not
/// recorded: the condition might hold. "Not recorded" is never read as "no".
/// </summary>
public enum Truth
{
    False,
    True,
    Unknown,
}
