public enum CapstanEngineInfo {}
