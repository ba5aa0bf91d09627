using KetamineCds.Domain.Rules;

namespace KetamineCds.Domain.Tests.Engine;

/// <summary>The Domain is the clinic's knowledge only: no EF, no ASP.NET, no rules-engine library, nothing of ours.</summary>
public class DomainBoundaryTests
{
    [Theory]
    [InlineData("RulesEngine")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("KetamineCds.Infrastructure")]
    [InlineData("KetamineCds.Web")]
    public void DomainAssembly_References_NeverIncludeTheLibrary(string prefix) =>
        Assert.DoesNotContain(
            typeof(Rule).Assembly.GetReferencedAssemblies(),
            a => a.Name is { } name && name.StartsWith(prefix, StringComparison.Ordinal));
}
