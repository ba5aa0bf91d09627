using System.Text.Json;
using System.Text.Json.Serialization;
using KetamineCds.Domain.Screening;

namespace KetamineCds.Infrastructure.Json;

/// <summary>
/// Reads and writes a <see cref="ValueList{T}"/> (e.g. <c>substancesUsed</c>) as a JSON array; the serializer cannot
/// build the immutable list by itself.
/// </summary>
public sealed class ValueListJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ValueList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<ValueList<T>>
    {
        public override ValueList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T[]>(ref reader, options) is { } items ? new ValueList<T>(items) : null;

        public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
