// Did-you-mean is part of the plugin contract's vocabulary (option and plugin
// names are checked with it), so users of AlmanacCore get it with the import.
// It lives in its own leaf module because LuaBridge needs it too, and LuaBridge
// must not depend on AlmanacCore (docs/architecture.md, "Layers").
@_exported import Suggestions
