using System.Net;
using System.Text.RegularExpressions;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA243: the unit shown beside a number box (mmHg, years, weeks, mg/day) is read with the box: a screen-reader user
/// tabbing into "Systolic blood pressure" was told no unit, though the eye sees "mmHg" beside it.
/// </summary>
public sealed class FieldUnitTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public FieldUnitTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("en", "systolicBp", "mmHg")]
    [InlineData("en", "ageYears", "years")]
    [InlineData("en", "prognosisWeeks", "weeks")]
    [InlineData("zh-CN", "ageYears", "岁")]
    [InlineData("zh-CN", "prognosisWeeks", "周")]
    public async Task NewScreening_NumberBoxWithAUnit_IsDescribedByThatUnit(string language, string id, string unit)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var box = Regex.Match(html, $"<input [^>]*id=\"{id}\"[^>]*>").Value;
        var describedBy = Regex.Match(box, "aria-describedby=\"([^\"]*)\"").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var unitSpan = Regex.Match(html, $"<span class=\"unit\" id=\"([^\"]+)\">{Regex.Escape(unit)}</span>");
        Assert.True(unitSpan.Success, $"no unit span with an id holding {unit}");
        Assert.Contains(unitSpan.Groups[1].Value, describedBy);
        Assert.StartsWith(id, unitSpan.Groups[1].Value, StringComparison.Ordinal);
    }
}
