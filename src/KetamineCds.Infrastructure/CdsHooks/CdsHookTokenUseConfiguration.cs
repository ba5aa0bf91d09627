using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>The jti table: (issuer, jti) unique, so that a second use of a token fails to insert on every instance.</summary>
public sealed class CdsHookTokenUseConfiguration : IEntityTypeConfiguration<CdsHookTokenUse>
{
    public void Configure(EntityTypeBuilder<CdsHookTokenUse> builder)
    {
        builder.ToTable("CdsHookTokenUses");
        builder.HasKey(e => new { e.Issuer, e.Jti });
        builder.Property(e => e.Issuer).HasMaxLength(256);
        builder.Property(e => e.Jti).HasMaxLength(256);
        builder.HasIndex(e => e.ExpiresAt);
    }
}
