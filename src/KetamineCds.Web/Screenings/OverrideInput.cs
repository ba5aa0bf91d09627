using System.ComponentModel.DataAnnotations;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Screenings;

/// <summary>
/// What the override form on a screening's result page posts. The display names are the form's labels (page texts,
/// translated through the data-annotations localizer): a value the binder cannot read (a tampered reason) is reported
/// as "'Bogus' is not a valid value for Reason" in the request's language, never with the property's name.
/// </summary>
public sealed class OverrideInput
{
    [Display(Name = "Your decision")]
    public OverrideDecision? Decision { get; set; }

    [Display(Name = "Reason")]
    public OverrideReason? Reason { get; set; }

    [Display(Name = "Explanation")]
    public string? Explanation { get; set; }
}
