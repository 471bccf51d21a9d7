package ru.soko.search;

import java.util.List;
import org.apache.lucene.facet.FacetsConfig;

/** The facets of the document search and how Lucene stores them. */
public final class FacetDims {

    public static final String KIND = "kind";
    public static final String ISSUER = "issuer";
    public static final String LEVEL = "level";
    public static final String TERRITORY = "territory";
    public static final String YEAR = "year";
    public static final String STATUS = "status";
    public static final String PROCEDURE = "procedure";
    public static final String FORMAT = "format";
    /** «documents» or the name of a registry. */
    public static final String REGISTRY = "registry";

    public static final List<String> ALL = List.of(REGISTRY, KIND, ISSUER, LEVEL, TERRITORY, YEAR, STATUS, PROCEDURE, FORMAT);

    /** Separator of the two levels of {@code territory} in facet values: «region / municipality». */
    public static final String PATH_SEPARATOR = " / ";

    private FacetDims() {
    }

    static FacetsConfig config() {
        FacetsConfig config = new FacetsConfig();
        config.setHierarchical(TERRITORY, true);
        config.setMultiValued(TERRITORY, true);
        config.setMultiValued(PROCEDURE, true);
        config.setMultiValued(ISSUER, true);
        return config;
    }
}
