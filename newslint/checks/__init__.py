"""Python rules, one module per problem family; the registry collects every Rule subclass."""
