using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Frugal.Gateway;

/// <summary>Source-generated JSON metadata, so the gateway stays trimmable and NativeAOT-clean.</summary>
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class GatewayJson : JsonSerializerContext;
