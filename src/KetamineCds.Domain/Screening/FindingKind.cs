namespace KetamineCds.Domain.Screening;

/// <summary>What a finding means for the decision (contract field <c>kind</c>).</summary>
public enum FindingKind
{
    /// <summary>Blocks treatment now.</summary>
    Contraindication,

    /// <summary>To weigh; proceed with safeguards.</summary>
    Caution,

    /// <summary>Must be in place or arranged.</summary>
    Requirement,

    /// <summary>For the clinician's information; never changes a status.</summary>
    Information,
}
