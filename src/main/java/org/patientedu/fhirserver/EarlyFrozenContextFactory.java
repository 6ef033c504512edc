package org.patientedu.fhirserver;

import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Boot's servlet application context, with its bean definitions frozen just before the web server
 * starts instead of just after.
 *
 * <p>Why: Boot creates the servlet and filter registrations while it starts the web server, and
 * HAPI's RestfulServer registration pulls in almost the whole bean graph (a DAO for each of R4's
 * 146 resource types, each with dozens of autowired fields). Until the definitions are frozen,
 * Spring answers every autowiring by type by scanning all bean definitions again; once frozen, it
 * caches the answers. Nothing registers bean definitions after the post-processors have run, and by
 * then every bean post-processor is registered, so the cached answers are those Spring would give a
 * moment later anyway. Listed in {@code META-INF/spring.factories}, so the same context runs in
 * {@code java -jar} and in the tests' {@code @SpringBootTest}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class EarlyFrozenContextFactory implements ApplicationContextFactory {

  @Override
  public ConfigurableApplicationContext create(WebApplicationType webApplicationType) {
    // Other kinds (the importer's plain context) fall through to Boot's own factories.
    return webApplicationType == WebApplicationType.SERVLET ? new Context() : null;
  }

  static final class Context extends AnnotationConfigServletWebServerApplicationContext {
    @Override
    protected void onRefresh() {
      getBeanFactory().freezeConfiguration();
      super.onRefresh();
    }
  }
}
