import Hummingbird

/// The request context of pot-web. Request bodies are small signed-object requests.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { 64 * 1024 }
}
