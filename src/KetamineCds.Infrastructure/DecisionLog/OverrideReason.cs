namespace KetamineCds.Infrastructure.DecisionLog;

/// <summary>Coded reasons for an override.</summary>
public enum OverrideReason
{
    BenefitOutweighsRiskAfterReview,
    SpecialistAdviceObtained,
    ContraindicationResolvedOrInaccurate,
    PatientPreference,
    ClinicalConcernNotCapturedByRules,
    RecordedDataIncorrect,
    Other,
}
