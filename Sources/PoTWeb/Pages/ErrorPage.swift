/// The page of a refused request.
enum ErrorPage {
    static func render(status: Int, reason: String, message: String) -> HTML {
        """
        <h1>\(status) \(reason)</h1>
        <p class="error">\(message)</p>
        <p><a href="/">Back to the overview</a> or search above.</p>
        """
    }
}
