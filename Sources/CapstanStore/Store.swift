public enum CapstanStoreInfo {}
