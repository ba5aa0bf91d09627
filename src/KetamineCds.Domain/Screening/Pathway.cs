namespace KetamineCds.Domain.Screening;

/// <summary>The six treatment pathways the engine always reports (contract field <c>pathway</c>).</summary>
public enum Pathway
{
    EsketamineTrd,
    EsketamineSuicidalIdeation,
    KetamineOffLabelTrd,
    BipolarAdjunct,
    PalliativeRapidActing,
    InvestigationalPtsdOcd,
}
