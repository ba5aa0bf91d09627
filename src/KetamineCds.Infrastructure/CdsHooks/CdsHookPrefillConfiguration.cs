using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KetamineCds.Infrastructure.CdsHooks;

/// <summary>The prefill table, keyed by the hash of the opaque id.</summary>
public sealed class CdsHookPrefillConfiguration : IEntityTypeConfiguration<CdsHookPrefill>
{
    public void Configure(EntityTypeBuilder<CdsHookPrefill> builder)
    {
        builder.ToTable("CdsHookPrefills");
        builder.HasKey(e => e.IdHash);
        builder.Property(e => e.IdHash).HasMaxLength(64);
        builder.Property(e => e.PatientReference).HasMaxLength(64).IsRequired();
        builder.Property(e => e.InputJson).IsRequired();
        builder.HasIndex(e => e.ExpiresAt);
    }
}
